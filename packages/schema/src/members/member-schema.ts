import type { PaymentMethod } from '@wholesale/db/enums';
import type { Prisma } from '@wholesale/db/prisma';
import { canReadMember, memberScope, orderScope, requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { sortPaymentMethods } from '../checkout/payment-methods.ts';
import { PaymentMethodEnum } from '../common-schema.ts';
import type { Context } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { setMembersPaymentMethod } from './bulk-payment-method.ts';
import { createMember } from './create-member.ts';
import { updateMember } from './update-member.ts';

export const Member = builder.prismaNode('Member', {
  id: { field: 'id' },
  authScopes: (member, context) => canReadMember(context, member),
  description: 'A buying company (会員) and its login.',
  fields: (t) => ({
    companyName: t.exposeString('companyName'),
    contactName: t.exposeString('contactName'),
    email: t.string({
      description: 'The login email address, where order emails go.',
      select: { user: { select: { email: true } } },
      resolve: (member) => member.user.email,
    }),
    allowedPaymentMethods: t.field({
      type: [PaymentMethodEnum],
      description: 'Methods the merchant allows this member; checkout also needs them enabled.',
      resolve: (member) => sortPaymentMethods(member.allowedPaymentMethods),
    }),
    orders: t.relatedConnection('orders', {
      cursor: 'id',
      description: 'The member’s orders, newest first.',
      query: (_args, context) => ({ where: orderScope(context), orderBy: { id: 'desc' } }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const MemberFilter = builder.inputType('MemberFilter', {
  fields: (t) => ({
    search: t.string({
      required: false,
      description: 'Part of the company name, contact name or email address.',
    }),
    allowedPaymentMethod: t.field({ type: PaymentMethodEnum, required: false }),
    updatedSince: t.field({ type: 'DateTime', required: false }),
    createdAfter: t.field({ type: 'DateTime', required: false }),
    createdBefore: t.field({ type: 'DateTime', required: false }),
  }),
});

const MemberOrder = builder.enumType('MemberOrder', {
  description: 'How 会員一覧 is sorted.',
  values: {
    NEWEST: { description: 'Newest first (the default).' },
    OLDEST: { description: 'Oldest first.' },
    COMPANY: { description: 'By company name.' },
  } as const,
});

const memberOrderBy = {
  NEWEST: [{ id: 'desc' }],
  OLDEST: [{ id: 'asc' }],
  COMPANY: [{ companyName: 'asc' }, { id: 'asc' }],
} as const;

/**
 * Members allowed a method. Prisma's `has` on an enum array is sent by the PGlite adapter as
 * a malformed array literal, so the embedded database would fail the filter; this SQL works
 * the same on PGlite and PostgreSQL.
 */
async function membersAllowing(context: Context, method: PaymentMethod): Promise<string[]> {
  const rows = await context.db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Member" WHERE ${method}::"PaymentMethod" = ANY("allowedPaymentMethods")`;

  return rows.map((row) => row.id);
}

async function memberWhere(
  context: Context,
  filter: typeof MemberFilter.$inferInput | null | undefined,
) {
  const search = filter?.search?.trim();
  const where: Prisma.MemberWhereInput = {
    ...(filter?.allowedPaymentMethod
      ? { id: { in: await membersAllowing(context, filter.allowedPaymentMethod) } }
      : {}),
    ...(filter?.updatedSince ? { updatedAt: { gte: filter.updatedSince } } : {}),
    createdAt: {
      ...(filter?.createdAfter ? { gte: filter.createdAfter } : {}),
      ...(filter?.createdBefore ? { lt: filter.createdBefore } : {}),
    },
    ...(search
      ? {
          OR: [
            { companyName: { contains: search, mode: 'insensitive' } },
            { contactName: { contains: search, mode: 'insensitive' } },
            { user: { email: { contains: search, mode: 'insensitive' } } },
          ],
        }
      : {}),
  };

  return where;
}

builder.queryFields((t) => ({
  members: t.prismaConnection(
    {
      type: 'Member',
      cursor: 'id',
      description: 'Members, newest first (staff and MEMBERS_READ tokens).',
      args: {
        filter: t.arg({ type: MemberFilter, required: false }),
        orderBy: t.arg({ type: MemberOrder, required: false }),
      },
      totalCount: async (_parent, { filter }, context) =>
        context.db.member.count({
          where: { ...(await memberWhere(context, filter)), ...memberScope(context) },
        }),
      resolve: async (query, _root, { filter, orderBy }, context) =>
        context.db.member.findMany({
          ...query,
          where: { ...(await memberWhere(context, filter)), ...memberScope(context) },
          orderBy: [...memberOrderBy[orderBy ?? 'NEWEST']],
        }),
    },
    { name: 'MemberConnection' },
    { name: 'MemberEdge' },
  ),
  member: t.prismaField({
    type: 'Member',
    nullable: true,
    args: { id: t.arg.globalID({ for: Member, required: true }) },
    resolve: (query, _root, { id }, context) =>
      context.db.member.findFirst({
        ...query,
        where: { AND: [{ id: id.id }, memberScope(context)] },
      }),
  }),
}));

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  fields: (t) => ({
    id: t.globalID({ for: Member }),
    companyName: t.string({ required: false }),
    contactName: t.string({ required: false }),
    allowedPaymentMethods: t.field({
      type: [PaymentMethodEnum],
      required: false,
      description: 'The methods this member may use, among those enabled in the settings.',
    }),
  }),
});

/** A mutation payload carrying the member it changed. */
function memberPayload(name: string) {
  return builder.objectRef<{ memberId: string }>(name).implement({
    fields: (t) => ({
      member: t.prismaField({
        type: 'Member',
        resolve: (query, payload, _args, context) =>
          context.db.member.findUniqueOrThrow({ ...query, where: { id: payload.memberId } }),
      }),
    }),
  });
}

const UpdateMemberPayload = memberPayload('UpdateMemberPayload');

builder.mutationField('updateMember', (t) =>
  t.field({
    type: UpdateMemberPayload,
    description: '会員情報更新: a member’s details and allowed payment methods (staff).',
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'UpdateMemberResult' },
    },
    args: { input: t.arg({ type: UpdateMemberInput }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const member = await updateMember(context, { ...input, id: input.id.id });

      return { memberId: member.id };
    },
  }),
);

const CreateMemberInput = builder.inputType('CreateMemberInput', {
  fields: (t) => ({
    email: t.string({ description: 'The login email address.' }),
    password: t.string({ description: 'The first password, 10 characters or more.' }),
    companyName: t.string(),
    contactName: t.string(),
  }),
});

const CreateMemberPayload = memberPayload('CreateMemberPayload');

builder.mutationField('createMember', (t) =>
  t.field({
    type: CreateMemberPayload,
    description:
      'Registers a member (staff). It is allowed the payment methods marked 新規会員 in the settings.',
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateMemberResult' } },
    args: { input: t.arg({ type: CreateMemberInput }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const member = await createMember(context, input);
      if (!member) throw new Error('The member was not created.');

      return { memberId: member.id };
    },
  }),
);

const SetMembersPaymentMethodInput = builder.inputType('SetMembersPaymentMethodInput', {
  fields: (t) => ({
    memberIds: t.globalIDList({
      for: Member,
      required: false,
      description: 'The selected members; leave out to change every member matching `filter`.',
    }),
    filter: t.field({ type: MemberFilter, required: false }),
    method: t.field({ type: PaymentMethodEnum }),
    allowed: t.boolean({ description: 'true allows the method, false takes it away.' }),
    dryRun: t.boolean({ required: false, description: 'Only count, for a preview.' }),
  }),
});

const SetMembersPaymentMethodPayload = builder
  .objectRef<{ matched: number; changed: number; dryRun: boolean }>(
    'SetMembersPaymentMethodPayload',
  )
  .implement({
    fields: (t) => ({
      matched: t.exposeInt('matched', { description: 'Members selected or matching the filter.' }),
      changed: t.exposeInt('changed', {
        description: 'Members whose permission changes (changed).',
      }),
      dryRun: t.exposeBoolean('dryRun'),
    }),
  });

builder.mutationField('setMembersPaymentMethod', (t) =>
  t.field({
    type: SetMembersPaymentMethodPayload,
    description: 'Allows or takes away one payment method for many members (staff).',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: { name: 'SetMembersPaymentMethodResult' },
    },
    args: { input: t.arg({ type: SetMembersPaymentMethodInput }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      if (!input.memberIds && !input.filter) {
        throw new ValidationError('Select members or give a filter.', 'memberIds');
      }
      const where = input.memberIds
        ? { id: { in: input.memberIds.map((id) => id.id) } }
        : await memberWhere(context, input.filter);
      const dryRun = input.dryRun ?? false;

      return {
        ...(await setMembersPaymentMethod(context, {
          where,
          method: input.method,
          allowed: input.allowed,
          dryRun,
        })),
        dryRun,
      };
    },
  }),
);

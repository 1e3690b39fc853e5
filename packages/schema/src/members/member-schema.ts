import type { PaymentMethod } from '@wholesale/db/enums';
import type { Prisma } from '@wholesale/db/prisma';
import { canReadMember, memberScope, requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { sortPaymentMethods } from '../checkout/payment-methods.ts';
import { PaymentMethodEnum } from '../common-schema.ts';
import type { Context } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { Order } from '../orders/order-schema.ts';
import { containsText } from '../search-text.ts';
import { setMembersPaymentMethod } from './bulk-payment-method.ts';
import { createMember } from './create-member.ts';
import { memberOrders } from './member-orders.ts';
import { updateMember } from './update-member.ts';

export const Member = builder.prismaNode('Member', {
  id: { field: 'id' },
  authScopes: (member, context) => canReadMember(context, member),
  description: 'A buying company (会員) and its login.',
  fields: (t) => ({
    companyName: t.exposeString('companyName', { description: 'The company’s name (会社名).' }),
    contactName: t.exposeString('contactName', {
      description: 'The person to contact at the company (担当者名).',
    }),
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
    orders: t.connection(
      {
        type: Order,
        description: 'The member’s orders, newest first.',
        resolve: (member, args, context, info) => memberOrders(context, info, member.id, args),
      },
      { name: 'MemberOrdersConnection', description: 'A page of a member’s orders.' },
      {
        name: 'MemberOrdersConnectionEdge',
        description: 'An order on a page of a member’s orders.',
      },
    ),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the member was registered.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When the member’s details or payment methods last changed.',
    }),
  }),
});

const MemberFilter = builder.inputType('MemberFilter', {
  description: 'Which members to list; a member must meet every condition given.',
  fields: (t) => ({
    search: t.string({
      required: false,
      description: 'Part of the company name, contact name or email address.',
    }),
    allowedPaymentMethod: t.field({
      type: PaymentMethodEnum,
      required: false,
      description: 'Only members allowed this payment method.',
    }),
    updatedSince: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only members changed at or after this time.',
    }),
    createdAfter: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only members registered at or after this time.',
    }),
    createdBefore: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only members registered before this time.',
    }),
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
            { companyName: { contains: containsText(search), mode: 'insensitive' } },
            { contactName: { contains: containsText(search), mode: 'insensitive' } },
            { user: { email: { contains: containsText(search), mode: 'insensitive' } } },
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
        filter: t.arg({
          type: MemberFilter,
          required: false,
          description: 'Which members to list; every member the caller may read when absent.',
        }),
        orderBy: t.arg({
          type: MemberOrder,
          required: false,
          description: 'How to sort them; NEWEST when absent.',
        }),
      },
      totalCount: async (_parent, { filter }, context) =>
        context.db.member.count({
          where: { AND: [await memberWhere(context, filter), memberScope(context)] },
        }),
      resolve: async (query, _root, { filter, orderBy }, context) =>
        context.db.member.findMany({
          ...query,
          where: { AND: [await memberWhere(context, filter), memberScope(context)] },
          orderBy: [...memberOrderBy[orderBy ?? 'NEWEST']],
        }),
    },
    { name: 'MemberConnection', description: 'A page of members.' },
    { name: 'MemberEdge', description: 'A member on a page of members.' },
  ),
  member: t.prismaField({
    type: 'Member',
    nullable: true,
    description:
      'One member (staff, MEMBERS_READ tokens, and a member’s buyer for its own member); null when there is none the caller may read.',
    args: {
      id: t.arg.globalID({ for: Member, required: true, description: 'The member’s global id.' }),
    },
    resolve: (query, _root, { id }, context) =>
      context.db.member.findFirst({
        ...query,
        where: { AND: [{ id: id.id }, memberScope(context)] },
      }),
  }),
}));

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  description: 'Changes to a member; each field left out keeps its value.',
  fields: (t) => ({
    id: t.globalID({ for: Member, description: 'The global id of the member to change.' }),
    companyName: t.string({ required: false, description: 'The company’s name.' }),
    contactName: t.string({
      required: false,
      description: 'The name of the person to contact at the company.',
    }),
    allowedPaymentMethods: t.field({
      type: [PaymentMethodEnum],
      required: false,
      description: 'The methods this member may use, among those enabled in the settings.',
    }),
  }),
});

/** A mutation payload carrying the member it changed. */
function memberPayload(name: string, description: string) {
  return builder.objectRef<{ memberId: string }>(name).implement({
    description,
    fields: (t) => ({
      member: t.prismaField({
        type: 'Member',
        description: 'The member, as saved.',
        resolve: (query, payload, _args, context) =>
          context.db.member.findUniqueOrThrow({ ...query, where: { id: payload.memberId } }),
      }),
    }),
  });
}

const UpdateMemberPayload = memberPayload('UpdateMemberPayload', 'A member as changed.');

builder.mutationField('updateMember', (t) =>
  t.field({
    type: UpdateMemberPayload,
    description: '会員情報更新: a member’s details and allowed payment methods (staff).',
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: {
        name: 'UpdateMemberResult',
        description: 'The changed member, or why nothing was changed.',
      },
    },
    args: {
      input: t.arg({ type: UpdateMemberInput, description: 'The member and what to change.' }),
    },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const member = await updateMember(context, { ...input, id: input.id.id });

      return { memberId: member.id };
    },
  }),
);

const CreateMemberInput = builder.inputType('CreateMemberInput', {
  description: 'A new member (会員) and the login of its buyer.',
  fields: (t) => ({
    email: t.string({ description: 'The login email address.' }),
    password: t.string({ description: 'The first password, 10 characters or more.' }),
    companyName: t.string({ description: 'The company’s name.' }),
    contactName: t.string({
      description: 'The name of the person to contact, also the name the buyer is greeted by.',
    }),
  }),
});

const CreateMemberPayload = memberPayload('CreateMemberPayload', 'A newly registered member.');

builder.mutationField('createMember', (t) =>
  t.field({
    type: CreateMemberPayload,
    description:
      'Registers a member (staff). It is allowed the payment methods marked 新規会員 in the settings.',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'CreateMemberResult',
        description: 'The new member, or why it was refused.',
      },
    },
    args: { input: t.arg({ type: CreateMemberInput, description: 'The new member.' }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const member = await createMember(context, input);
      if (!member) throw new Error('The member was not created.');

      return { memberId: member.id };
    },
  }),
);

const BulkCountsInput = builder.inputType('BulkCountsInput', {
  description: 'What a preview of a bulk change counted (N件中M件).',
  fields: (t) => ({
    matched: t.int({ description: 'Members selected or matching the filter.' }),
    changed: t.int({ description: 'Members whose permission would change.' }),
  }),
});

const SetMembersPaymentMethodInput = builder.inputType('SetMembersPaymentMethodInput', {
  description: 'Which members, which payment method, and whether to allow or take it away.',
  fields: (t) => ({
    memberIds: t.globalIDList({
      for: Member,
      required: false,
      description: 'The selected members; leave out to change every member matching `filter`.',
    }),
    filter: t.field({
      type: MemberFilter,
      required: false,
      description: 'The members to change when `memberIds` is left out, as `members` finds them.',
    }),
    method: t.field({
      type: PaymentMethodEnum,
      description: 'The payment method to allow or take away.',
    }),
    allowed: t.boolean({ description: 'true allows the method, false takes it away.' }),
    dryRun: t.boolean({ required: false, description: 'Only count, for a preview.' }),
    expected: t.field({
      type: BulkCountsInput,
      required: false,
      description:
        'The counts the preview showed. When the members matching or changing are no longer those counts (a member registered or changed meanwhile), nothing changes and a ValidationError on `expected` answers.',
    }),
  }),
});

const SetMembersPaymentMethodPayload = builder
  .objectRef<{ matched: number; changed: number; dryRun: boolean }>(
    'SetMembersPaymentMethodPayload',
  )
  .implement({
    description: 'How many members the change reaches, and how many it changes (N件中M件).',
    fields: (t) => ({
      matched: t.exposeInt('matched', { description: 'Members selected or matching the filter.' }),
      changed: t.exposeInt('changed', {
        description: 'Members whose permission changes, or would on a dry run.',
      }),
      dryRun: t.exposeBoolean('dryRun', {
        description: 'True when nothing was changed and the counts are a preview.',
      }),
    }),
  });

builder.mutationField('setMembersPaymentMethod', (t) =>
  t.field({
    type: SetMembersPaymentMethodPayload,
    description: 'Allows or takes away one payment method for many members (staff).',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'SetMembersPaymentMethodResult',
        description: 'The counts of the change, or why it was refused.',
      },
    },
    args: {
      input: t.arg({
        type: SetMembersPaymentMethodInput,
        description: 'The members, the payment method, and allow or take away.',
      }),
    },
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
          expected: input.expected ?? null,
        })),
        dryRun,
      };
    },
  }),
);

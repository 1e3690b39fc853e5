import type { Prisma } from '@wholesale/db/prisma';
import { canReadOrder, orderScope } from '../auth/access.ts';
import { builder } from '../builder.ts';
import {
  Money,
  OrderStatusEnum,
  PaymentMethodEnum,
  PaymentStatusEnum,
  yen,
} from '../common-schema.ts';
import type { Context } from '../context.ts';
import type { TaxBreakdownEntry } from '../money/totals.ts';
import { containsText } from '../search-text.ts';

export const TaxBreakdown = builder.objectRef<TaxBreakdownEntry>('TaxBreakdown').implement({
  description: 'The tax of one rate on an order, rounded once on the sum of that rate’s lines.',
  fields: (t) => ({
    rate: t.exposeInt('rate', { description: 'Percent: 10 or 8.' }),
    taxableAmount: t.field({
      type: Money,
      description:
        'The sum taxed at this rate, tax-exclusive: its lines, and at 10% shipping and the payment fee.',
      resolve: (entry) => yen(entry.taxableAmount),
    }),
    tax: t.field({
      type: Money,
      description: 'The tax at this rate, rounded once as the shop’s tax rounding says.',
      resolve: (entry) => yen(entry.tax),
    }),
  }),
});

interface PayPalDetailsShape {
  token: string | null;
  payerId: string | null;
  transactionId: string | null;
  payerEmail: string | null;
}

const PayPalPaymentDetails = builder
  .objectRef<PayPalDetailsShape>('PayPalPaymentDetails')
  .implement({
    description: 'What PayPal knows the order by.',
    fields: (t) => ({
      token: t.exposeString('token', {
        nullable: true,
        description: 'The Express Checkout token.',
      }),
      payerId: t.exposeString('payerId', {
        nullable: true,
        description: 'The buyer’s PayPal payer id (PayerID); null until the buyer approves.',
      }),
      transactionId: t.exposeString('transactionId', {
        nullable: true,
        description: 'PayPal’s transaction id of the payment; null until PayPal has taken it.',
      }),
      payerEmail: t.exposeString('payerEmail', {
        nullable: true,
        description: 'The email address of the buyer’s PayPal account; null until PayPal says.',
      }),
    }),
  });

export const OrderLine = builder.prismaObject('OrderLine', {
  description: 'A product on an order, as it was sold.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The line’s database id (not a global id).' }),
    productName: t.exposeString('productName', {
      description: 'The product name in Japanese, as sold.',
    }),
    productNameEn: t.exposeString('productNameEn', {
      description: 'The product name in English, as sold.',
    }),
    sku: t.exposeString('sku', { description: 'The product’s SKU, as sold.' }),
    unitPrice: t.field({
      type: Money,
      description: 'Tax-exclusive.',
      resolve: (line) => yen(line.unitPrice),
    }),
    quantity: t.exposeInt('quantity', { description: 'How many units.' }),
    taxRate: t.exposeInt('taxRate', {
      description: 'Consumption tax rate in percent, as sold: 10 or 8.',
    }),
    amount: t.field({
      type: Money,
      description: 'unitPrice × quantity, tax-exclusive.',
      resolve: (line) => yen(line.amount),
    }),
  }),
});

export const Payment = builder.prismaObject('Payment', {
  description: 'One attempt to collect the order’s money, e.g. one PayPal checkout.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The payment’s database id (not a global id).' }),
    method: t.expose('method', {
      type: PaymentMethodEnum,
      description: 'The payment method of this attempt.',
    }),
    status: t.exposeString('status', {
      description:
        'CREATED (sent to PayPal), COMPLETED, PENDING (PayPal holds it), AUTHORIZED (an authorization waiting for capture), VOIDED, FAILED or CANCELLED.',
    }),
    amount: t.field({
      type: Money,
      description: 'The amount to collect: the order’s total when the attempt began.',
      resolve: (payment) => yen(payment.amount),
    }),
    paypalToken: t.exposeString('paypalToken', {
      nullable: true,
      description: 'The Express Checkout token of a PayPal attempt; null for other methods.',
    }),
    paypalTransactionId: t.exposeString('paypalTransactionId', {
      nullable: true,
      description: 'PayPal’s transaction id once PayPal has taken the money; null before.',
    }),
    paypalAuthorizationId: t.exposeString('paypalAuthorizationId', {
      nullable: true,
      description:
        'PayPal’s authorization id when the payment was taken as an authorization; `paypalTransactionId` is the capture once captured.',
    }),
    errorCode: t.exposeString('errorCode', {
      nullable: true,
      description: 'PayPal’s error code when PayPal last refused this attempt; null otherwise.',
    }),
    errorMessage: t.exposeString('errorMessage', {
      nullable: true,
      description: 'PayPal’s error message when PayPal last refused this attempt; null otherwise.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the attempt began.' }),
  }),
});

export const Order = builder.prismaNode('Order', {
  id: { field: 'id' },
  description: 'An order placed by a member.',
  authScopes: (order, context) => canReadOrder(context, order),
  fields: (t) => ({
    number: t.string({
      description: 'The order number (受注番号) shown to buyers and staff.',
      resolve: (order) => String(order.number),
    }),
    status: t.expose('status', {
      type: OrderStatusEnum,
      description: 'Where the order stands in the merchant’s work (対応状況).',
    }),
    paymentStatus: t.expose('paymentStatus', {
      type: PaymentStatusEnum,
      description: 'Where the order’s money stands.',
    }),
    paymentMethod: t.expose('paymentMethod', {
      type: PaymentMethodEnum,
      description: 'How the order is paid.',
    }),
    member: t.relation('member', {
      description: 'The member who ordered; needs MEMBERS_READ for tokens (see companyName).',
    }),
    companyName: t.string({
      description: 'The ordering member’s company name, readable wherever the order is.',
      select: { member: { select: { companyName: true } } },
      resolve: (order) => order.member.companyName,
    }),
    lines: t.relation('lines', {
      description: 'The products ordered, one line per product, in the cart’s order.',
      query: { orderBy: { position: 'asc' } },
    }),
    subtotal: t.field({
      type: Money,
      description: 'Sum of the lines, tax-exclusive.',
      resolve: (order) => yen(order.subtotal),
    }),
    tax: t.field({
      type: Money,
      description: 'Consumption tax: the sum of `taxBreakdown`’s taxes.',
      resolve: (order) => yen(order.tax),
    }),
    shipping: t.field({
      type: Money,
      description: 'The shipping fee, tax-exclusive; 0 when the order ships free.',
      resolve: (order) => yen(order.shipping),
    }),
    paymentFee: t.field({
      type: Money,
      description: 'The payment method’s fee (e.g. cash on delivery), tax-exclusive.',
      resolve: (order) => yen(order.paymentFee),
    }),
    total: t.field({
      type: Money,
      description: 'subtotal + shipping + paymentFee + tax: exactly what the buyer is charged.',
      resolve: (order) => yen(order.total),
    }),
    taxBreakdown: t.field({
      type: [TaxBreakdown],
      description: 'Tax per rate.',
      resolve: (order) => order.taxBreakdown as unknown as TaxBreakdownEntry[],
    }),
    paypal: t.field({
      type: PayPalPaymentDetails,
      nullable: true,
      description: 'The PayPal payment of the order; null for other payment methods.',
      select: { payments: { orderBy: { createdAt: 'desc' } } },
      resolve: (order) => {
        if (order.paymentMethod !== 'PAYPAL') return null;
        const payments = order.payments.filter((payment) => payment.method === 'PAYPAL');
        const payment =
          payments.find((candidate) => candidate.paypalTransactionId) ?? payments[0] ?? null;

        return {
          token: payment?.paypalToken ?? null,
          payerId: payment?.paypalPayerId ?? null,
          transactionId: payment?.paypalTransactionId ?? null,
          payerEmail: payment?.paypalPayerEmail ?? null,
        };
      },
    }),
    payments: t.relation('payments', {
      description: 'Every attempt to collect the order’s money, oldest first.',
      query: { orderBy: { createdAt: 'asc' } },
    }),
    paymentInstructions: t.string({
      nullable: true,
      description:
        'How to pay an unpaid order by a method paid later (e.g. the bank account for a transfer).',
      resolve: async (order, _args, context) => {
        if (order.paymentMethod === 'PAYPAL' || order.paymentStatus !== 'UNPAID') return null;
        const setting = await context.db.paymentMethodSetting.findUnique({
          where: { method: order.paymentMethod },
        });

        return setting?.description || null;
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was placed.' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When it last changed; `updatedSince` in `OrderFilter` compares with this.',
    }),
  }),
});

export const OrderFilter = builder.inputType('OrderFilter', {
  description: 'Which orders to list; an order must meet every condition given.',
  fields: (t) => ({
    status: t.field({
      type: [OrderStatusEnum],
      required: false,
      description: 'Only orders in one of these order statuses.',
    }),
    paymentStatus: t.field({
      type: [PaymentStatusEnum],
      required: false,
      description: 'Only orders in one of these payment statuses.',
    }),
    createdAfter: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only orders placed at or after this time.',
    }),
    createdBefore: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only orders placed before this time.',
    }),
    updatedSince: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only orders changed at or after this time.',
    }),
    paymentMethod: t.field({
      type: [PaymentMethodEnum],
      required: false,
      description: 'Only orders paid with one of these payment methods.',
    }),
    memberId: t.globalID({ required: false, description: 'Only this member’s orders.' }),
    search: t.string({
      required: false,
      description: 'An order number, or part of the member’s company name or email.',
    }),
  }),
});

type OrderFilterShape = typeof OrderFilter.$inferInput;

const OrderOrder = builder.enumType('OrderOrder', {
  description: 'How orders are sorted.',
  values: {
    NEWEST: { description: 'Newest first (the default).' },
    OLDEST: { description: 'Oldest first.' },
    TOTAL: { description: 'Largest total first.' },
    UPDATED: {
      description:
        'Least recently changed first: with `updatedSince`, page through every change since a time.',
    },
  } as const,
});

const orderOrderBy = {
  NEWEST: [{ id: 'desc' }],
  OLDEST: [{ id: 'asc' }],
  TOTAL: [{ total: 'desc' }, { id: 'desc' }],
  UPDATED: [{ updatedAt: 'asc' }, { id: 'asc' }],
} as const;

export function orderWhere(filter: OrderFilterShape | null | undefined): Prisma.OrderWhereInput {
  const search = filter?.search?.trim();
  const number = search && /^\d{1,9}$/.test(search) ? Number(search) : null;

  return {
    ...(filter?.paymentMethod?.length ? { paymentMethod: { in: filter.paymentMethod } } : {}),
    ...(filter?.memberId ? { memberId: filter.memberId.id } : {}),
    ...(search
      ? {
          OR: [
            ...(number !== null ? [{ number }] : []),
            {
              member: {
                companyName: { contains: containsText(search), mode: 'insensitive' as const },
              },
            },
            {
              member: {
                user: { email: { contains: containsText(search), mode: 'insensitive' as const } },
              },
            },
          ],
        }
      : {}),
    ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter?.paymentStatus?.length ? { paymentStatus: { in: filter.paymentStatus } } : {}),
    createdAt: {
      ...(filter?.createdAfter ? { gte: filter.createdAfter } : {}),
      ...(filter?.createdBefore ? { lt: filter.createdBefore } : {}),
    },
    ...(filter?.updatedSince ? { updatedAt: { gte: filter.updatedSince } } : {}),
  };
}

/**
 * The orders after (or before) a page's cursor, as a keyset on the sort's own keys. The cursor
 * carries the order's id and its change time as the page read them: sorted by `UPDATED`, an
 * order that changed since moves to the end of the list, but the pages after the cursor stay
 * where they were, so an integrator syncing by `updatedSince` misses nothing. Each condition
 * bounds the first sort key, so PostgreSQL ranges over the index and a deep page costs what
 * page 1 costs. `TOTAL` reads the cursor order's total by primary key.
 */
async function afterCursor(
  context: Context,
  cursor: { updatedAt: Date | string; id: string } | undefined,
  backward: boolean,
  orderBy: keyof typeof orderOrderBy,
): Promise<Prisma.OrderWhereInput> {
  if (!cursor) return {};
  const { id } = cursor;
  const updatedAt = new Date(cursor.updatedAt);
  // A cursor whose time is not one reads as no cursor: the first page.
  if (Number.isNaN(updatedAt.getTime())) return {};
  const after = (ascending: boolean) => (backward ? !ascending : ascending);

  switch (orderBy) {
    case 'NEWEST':
      return { id: after(false) ? { gt: id } : { lt: id } };
    case 'OLDEST':
      return { id: after(true) ? { gt: id } : { lt: id } };
    case 'UPDATED':
      return after(true)
        ? {
            updatedAt: { gte: updatedAt },
            OR: [{ updatedAt: { gt: updatedAt } }, { id: { gt: id } }],
          }
        : {
            updatedAt: { lte: updatedAt },
            OR: [{ updatedAt: { lt: updatedAt } }, { id: { lt: id } }],
          };
    case 'TOTAL': {
      const row = await context.db.order.findUnique({ where: { id }, select: { total: true } });
      if (!row) return { id: after(false) ? { gt: id } : { lt: id } };
      const { total } = row;
      return after(false)
        ? { total: { gte: total }, OR: [{ total: { gt: total } }, { id: { gt: id } }] }
        : { total: { lte: total }, OR: [{ total: { lt: total } }, { id: { lt: id } }] };
    }
  }
}

builder.queryFields((t) => ({
  orders: t.prismaConnection(
    {
      type: 'Order',
      cursor: 'updatedAt_id',
      description:
        'Orders, newest first unless `orderBy` says otherwise. Members see their own; staff and tokens see all.',
      args: {
        filter: t.arg({
          type: OrderFilter,
          required: false,
          description: 'Which orders to list; every order the caller may read when absent.',
        }),
        orderBy: t.arg({
          type: OrderOrder,
          required: false,
          description: 'How to sort them; NEWEST when absent.',
        }),
      },
      totalCount: (_parent, { filter }, context) =>
        // AND, not a merge: a member's scope must narrow a filter by another member's id.
        context.db.order.count({ where: { AND: [orderWhere(filter), orderScope(context)] } }),
      resolve: async (query, _root, { filter, orderBy }, context) => {
        // The cursor becomes a keyset condition (afterCursor), not Prisma's cursor, which would
        // place it by the order's current values.
        const { cursor, skip: _skip, ...rest } = query;
        const sort = orderBy ?? 'NEWEST';

        return context.db.order.findMany({
          ...rest,
          where: {
            AND: [
              orderWhere(filter),
              orderScope(context),
              await afterCursor(context, cursor?.updatedAt_id, (query.take ?? 0) < 0, sort),
            ],
          },
          orderBy: [...orderOrderBy[sort]],
        });
      },
    },
    { name: 'OrderConnection', description: 'A page of orders.' },
    { name: 'OrderEdge', description: 'An order on a page of orders.' },
  ),
  order: t.prismaField({
    type: 'Order',
    nullable: true,
    description:
      'One order, by its global id or its order number: a member’s own, or any for staff and ORDERS_READ tokens. Null when there is none the caller may read.',
    args: {
      id: t.arg.globalID({
        for: Order,
        required: false,
        description: 'The order’s global id; when given, `number` is not looked at.',
      }),
      number: t.arg.string({
        required: false,
        description: 'The order number (受注番号), used when `id` is absent.',
      }),
    },
    resolve: (query, _root, args, context) => {
      const scope = orderScope(context);
      if (args.id)
        return context.db.order.findFirst({ ...query, where: { id: args.id.id, ...scope } });

      const number = Number(args.number);
      if (!Number.isSafeInteger(number)) return null;

      return context.db.order.findFirst({ ...query, where: { number, ...scope } });
    },
  }),
}));

/** A mutation payload carrying the order it acted on, and where to send the buyer to pay. */
export function orderPayload(name: string, description: string, extra?: 'redirectUrl') {
  return builder.objectRef<{ orderId: string; redirectUrl?: string | null }>(name).implement({
    description,
    fields: (t) => ({
      order: t.prismaField({
        type: 'Order',
        description: 'The order, as it stands after this mutation.',
        resolve: (query, payload, _args, context) =>
          context.db.order.findUniqueOrThrow({ ...query, where: { id: payload.orderId } }),
      }),
      ...(extra
        ? {
            redirectUrl: t.string({
              nullable: true,
              description: 'For PayPal: send the buyer here to pay.',
              resolve: (payload) => payload.redirectUrl ?? null,
            }),
          }
        : {}),
    }),
  });
}

import { encodeGlobalID } from '@pothos/plugin-relay';
import { ActorType } from '@wholesale/db/enums';
import { denied, hasScope, isStaff, requireStaff } from '../auth/access.ts';
import { builder, errorObject } from '../builder.ts';
import { OrderNotPayableError, PayPalError } from '../checkout/errors.ts';
import { Money, OrderStatusEnum, yen } from '../common-schema.ts';
import type { Context } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  AuthorizationNotOpenError,
  captureOrderPayment,
  voidOrderAuthorization,
} from './authorization.ts';
import { changeOrderStatus, statusChangesFor } from './change-status.ts';
import { IllegalStatusChangeError } from './lifecycle.ts';
import { Order, orderPayload } from './order-schema.ts';
import { sendPaymentReminder } from './payment-reminder.ts';
import { refreshOrderFromPayPal } from './reconcile.ts';
import { RefundNotPossibleError, refundOrder } from './refund.ts';

const SendPaymentReminderPayload = orderPayload(
  'SendPaymentReminderPayload',
  'A 送信未完 order whose buyer was emailed a link to pay it.',
);

builder.mutationField('sendPaymentReminder', (t) =>
  t.field({
    type: SendPaymentReminderPayload,
    description: 'Emails the buyer of a 送信未完 order a link to pay it (staff).',
    errors: {
      types: [NotFoundError, OrderNotPayableError],
      directResult: true,
      union: {
        name: 'SendPaymentReminderResult',
        description: 'The order reminded of, or why no reminder was sent.',
      },
    },
    args: { orderId: t.arg.globalID({ for: Order, description: 'The order’s global id.' }) },
    resolve: async (_root, { orderId }, context) => {
      requireStaff(context);

      return { orderId: await sendPaymentReminder(context, orderId.id) };
    },
  }),
);

errorObject(IllegalStatusChangeError, {
  name: 'IllegalStatusChangeError',
  description: 'The order cannot move to that status from where it is.',
  fields: (t) => ({
    from: t.exposeString('from', { description: 'The order status the order is in.' }),
    to: t.exposeString('to', { description: 'The order status that was asked for.' }),
  }),
});

errorObject(RefundNotPossibleError, {
  name: 'RefundNotPossibleError',
  description: 'The order has no PayPal payment left to refund.',
});

errorObject(AuthorizationNotOpenError, {
  name: 'AuthorizationNotOpenError',
  description:
    'The order has no PayPal authorization waiting for capture (never authorized, already captured or voided), or another request is working on its payment.',
});

const ActorTypeEnum = builder.enumType(ActorType, {
  name: 'ActorType',
  description: 'Who made a change.',
  values: {
    STAFF: { description: 'The merchant’s staff.' },
    BUYER: { description: 'The member’s buyer.' },
    PAYPAL: { description: 'PayPal: an IPN message, or a comparison with PayPal’s records.' },
    SYSTEM: { description: 'The shop itself, e.g. cancelling an unpaid order that expired.' },
    API_TOKEN: { description: 'A third party, with an API token.' },
  },
});

builder.prismaObject('OrderEvent', {
  description: 'One entry of an order’s timeline.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When it happened.' }),
    actorType: t.expose('actorType', { type: ActorTypeEnum, description: 'Who made the change.' }),
    kind: t.exposeString('kind', {
      description:
        'PLACED, ORDER_STATUS, PAYMENT_STATUS, PAYMENT_FEE, PAYMENT_REMINDER, PAYMENT_NEEDS_ATTENTION, RECONCILIATION_DIFFERENCE.',
    }),
    fromValue: t.exposeString('fromValue', {
      nullable: true,
      description: 'The value before the change, e.g. the old order status; null when none.',
    }),
    toValue: t.exposeString('toValue', {
      nullable: true,
      description: 'The value after the change, e.g. the new order status; null when none.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Why, or what PayPal reported, in words for people; null when none.',
    }),
  }),
});

builder.prismaObject('Refund', {
  description: 'Money given back at PayPal.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The refund’s database id (not a global id).' }),
    amount: t.field({
      type: Money,
      description: 'The amount given back.',
      resolve: (refund) => yen(refund.amount),
    }),
    status: t.exposeString('status', { description: 'REQUESTED, COMPLETED or FAILED.' }),
    paypalRefundTransactionId: t.exposeString('paypalRefundTransactionId', {
      nullable: true,
      description: 'PayPal’s id of the refund transaction; null while requested or when it failed.',
    }),
    errorCode: t.exposeString('errorCode', {
      nullable: true,
      description: 'PayPal’s error code when the refund failed; null otherwise.',
    }),
    errorMessage: t.exposeString('errorMessage', {
      nullable: true,
      description: 'PayPal’s error message when the refund failed; null otherwise.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'The merchant’s note on the refund; null when none.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the refund was asked for, or learnt from PayPal.',
    }),
  }),
});

builder.prismaObjectFields('Order', (t) => ({
  timeline: t.relation('events', {
    description: 'Every change of the order, oldest first.',
    query: { orderBy: { at: 'asc' } },
  }),
  refunds: t.relation('refunds', {
    description: 'Money given back at PayPal, oldest first.',
    query: { orderBy: { createdAt: 'asc' } },
  }),
  availableStatusChanges: t.field({
    type: [OrderStatusEnum],
    description: 'The statuses the merchant may set now.',
    resolve: (order) => statusChangesFor(order),
  }),
}));

function requireOrderWriter(context: Context) {
  if (!isStaff(context) && !hasScope(context, 'ORDERS_WRITE')) throw denied(context);
}

const UpdateOrderStatusInput = builder.inputType('UpdateOrderStatusInput', {
  description: 'An order and the order status to set.',
  fields: (t) => ({
    orderId: t.globalID({ for: Order, description: 'The order’s global id.' }),
    status: t.field({
      type: OrderStatusEnum,
      description: 'The order status to set; `availableStatusChanges` lists those allowed now.',
    }),
    note: t.string({
      required: false,
      description: 'A note for the order’s timeline, at most 500 characters.',
    }),
  }),
});

const UpdateOrderStatusesInput = builder.inputType('UpdateOrderStatusesInput', {
  description: 'Orders and the order status to set on each.',
  fields: (t) => ({
    orderIds: t.globalIDList({ for: Order, description: 'The orders’ global ids, at most 200.' }),
    status: t.field({ type: OrderStatusEnum, description: 'The order status to set.' }),
    note: t.string({
      required: false,
      description: 'A note for each order’s timeline, at most 500 characters.',
    }),
  }),
});

const BulkStatusFailure = builder
  .objectRef<{ orderId: string; error: IllegalStatusChangeError | NotFoundError }>(
    'OrderStatusChangeFailure',
  )
  .implement({
    description: 'An order a bulk status change left as it was, and why.',
    fields: (t) => ({
      orderId: t.id({
        description: 'The order’s global id.',
        resolve: (failure) => encodeGlobalID('Order', failure.orderId),
      }),
      code: t.string({
        description: 'ILLEGAL_STATUS_CHANGE or NOT_FOUND.',
        resolve: (failure) => failure.error.code,
      }),
      message: t.string({
        description: 'Why, in words for people.',
        resolve: (failure) => failure.error.message,
      }),
    }),
  });

const UpdateOrderStatusesPayload = builder
  .objectRef<{
    changedIds: string[];
    failures: { orderId: string; error: IllegalStatusChangeError | NotFoundError }[];
  }>('UpdateOrderStatusesPayload')
  .implement({
    description: 'What a bulk status change did to each order.',
    fields: (t) => ({
      changed: t.prismaField({
        type: ['Order'],
        description: 'The orders now in the new status.',
        resolve: (query, payload, _args, context) =>
          context.db.order.findMany({ ...query, where: { id: { in: payload.changedIds } } }),
      }),
      failures: t.field({
        type: [BulkStatusFailure],
        description: 'The orders left as they were, and why; empty when every order moved.',
        resolve: (payload) => payload.failures,
      }),
    }),
  });

const RefundOrderInput = builder.inputType('RefundOrderInput', {
  description: 'An order with a PayPal payment, and how much of it to give back.',
  fields: (t) => ({
    orderId: t.globalID({ for: Order, description: 'The order’s global id.' }),
    amount: t.int({
      required: false,
      description: 'The amount in yen (no minor unit); absent refunds all that remains.',
    }),
    note: t.string({
      required: false,
      description: 'A note kept with the refund, at most 500 characters.',
    }),
  }),
});

const CancelOrderInput = builder.inputType('CancelOrderInput', {
  description: 'An order to cancel, and whether to give its PayPal money back.',
  fields: (t) => ({
    orderId: t.globalID({ for: Order, description: 'The order’s global id.' }),
    refundAtPayPal: t.boolean({
      description:
        'Also refund what remains of a PayPal payment; false only marks the order. A PayPal authorization not yet captured is voided either way.',
    }),
    note: t.string({
      required: false,
      description: 'A note for the order’s timeline and any refund, at most 500 characters.',
    }),
  }),
});

const RefreshOrderPayload = builder
  .objectRef<{ orderId: string; findings: string[] }>('RefreshOrderFromPayPalPayload')
  .implement({
    description: 'An order compared with what PayPal records.',
    fields: (t) => ({
      order: t.prismaField({
        type: 'Order',
        description: 'The order, with any difference applied.',
        resolve: (query, payload, _args, context) =>
          context.db.order.findUniqueOrThrow({ ...query, where: { id: payload.orderId } }),
      }),
      findings: t.stringList({
        description: 'What differed from PayPal and what was done; empty when all agreed.',
        resolve: (payload) => payload.findings,
      }),
    }),
  });

builder.mutationFields((t) => ({
  updateOrderStatus: t.field({
    type: orderPayload('UpdateOrderStatusPayload', 'An order in its new status.'),
    description: 'Sets 対応状況 (staff or ORDERS_WRITE). Cancelling marks the order only.',
    errors: {
      types: [IllegalStatusChangeError, NotFoundError],
      directResult: true,
      union: {
        name: 'UpdateOrderStatusResult',
        description: 'The order in its new status, or why it did not move.',
      },
    },
    args: {
      input: t.arg({ type: UpdateOrderStatusInput, description: 'The order and its new status.' }),
    },
    resolve: async (_root, { input }, context) => {
      requireOrderWriter(context);

      return {
        orderId: await changeOrderStatus(context, {
          orderId: input.orderId.id,
          status: input.status,
          note: input.note ?? null,
        }),
      };
    },
  }),
  updateOrderStatuses: t.field({
    type: UpdateOrderStatusesPayload,
    description:
      'Sets 対応状況 of up to 200 orders; each that cannot move is listed, not fatal. More than 200 answers a ValidationError and changes nothing.',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'UpdateOrderStatusesResult',
        description: 'The orders changed and those that could not be, or why none was tried.',
      },
    },
    args: {
      input: t.arg({
        type: UpdateOrderStatusesInput,
        description: 'The orders and their new status.',
      }),
    },
    resolve: async (_root, { input }, context) => {
      requireOrderWriter(context);
      if (input.orderIds.length > 200) {
        throw new ValidationError('At most 200 orders at once.', 'orderIds');
      }

      const changedIds: string[] = [];
      const failures: { orderId: string; error: IllegalStatusChangeError | NotFoundError }[] = [];
      for (const { id } of input.orderIds) {
        try {
          changedIds.push(
            await changeOrderStatus(context, {
              orderId: id,
              status: input.status,
              note: input.note ?? null,
            }),
          );
        } catch (error) {
          if (!(error instanceof IllegalStatusChangeError || error instanceof NotFoundError))
            throw error;
          failures.push({ orderId: id, error });
        }
      }

      return { changedIds, failures };
    },
  }),
  refundOrder: t.field({
    type: orderPayload('RefundOrderPayload', 'An order with its new refund.'),
    description: 'Refunds at PayPal, all that remains or a part (staff). Idempotent per call.',
    errors: {
      types: [RefundNotPossibleError, ValidationError, NotFoundError, PayPalError],
      directResult: true,
      union: {
        name: 'RefundOrderResult',
        description: 'The order with its new refund, or why nothing was refunded.',
      },
    },
    args: { input: t.arg({ type: RefundOrderInput, description: 'The order and the amount.' }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);

      return {
        orderId: await refundOrder(context, {
          orderId: input.orderId.id,
          amount: input.amount ?? null,
          note: input.note ?? null,
        }),
      };
    },
  }),
  capturePayment: t.field({
    type: orderPayload(
      'CapturePaymentPayload',
      'An order whose PayPal authorization was captured.',
    ),
    description:
      '売上確定 (staff): takes the money of the order’s PayPal authorization, in full, once. If PayPal refuses, nothing changes.',
    errors: {
      types: [AuthorizationNotOpenError, NotFoundError, PayPalError],
      directResult: true,
      union: {
        name: 'CapturePaymentResult',
        description: 'The order with its payment taken, or why nothing was captured.',
      },
    },
    args: { orderId: t.arg.globalID({ for: Order, description: 'The order’s global id.' }) },
    resolve: async (_root, { orderId }, context) => {
      requireStaff(context);

      return { orderId: await captureOrderPayment(context, orderId.id) };
    },
  }),
  refreshOrderFromPayPal: t.field({
    type: RefreshOrderPayload,
    description:
      'PayPalから更新 (staff): compares the order with PayPal and applies the difference.',
    errors: {
      types: [NotFoundError, PayPalError],
      directResult: true,
      union: {
        name: 'RefreshOrderFromPayPalResult',
        description: 'The order and what differed, or why PayPal could not be asked.',
      },
    },
    args: { orderId: t.arg.globalID({ for: Order, description: 'The order’s global id.' }) },
    resolve: async (_root, { orderId }, context) => {
      requireStaff(context);
      const findings = await refreshOrderFromPayPal(context, orderId.id);

      return { orderId: orderId.id, findings };
    },
  }),
  cancelOrder: t.field({
    type: orderPayload('CancelOrderPayload', 'A cancelled order.'),
    description:
      'キャンセル (staff): marks the order cancelled. A PayPal authorization not yet captured is voided first; what remains of a taken payment is refunded first when asked. If PayPal refuses, nothing changes.',
    errors: {
      types: [
        IllegalStatusChangeError,
        RefundNotPossibleError,
        AuthorizationNotOpenError,
        NotFoundError,
        PayPalError,
      ],
      directResult: true,
      union: {
        name: 'CancelOrderResult',
        description: 'The cancelled order, or why nothing changed.',
      },
    },
    args: {
      input: t.arg({
        type: CancelOrderInput,
        description: 'The order, and whether to give its PayPal money back.',
      }),
    },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const orderId = input.orderId.id;
      const order = await context.db.order.findUnique({ where: { id: orderId } });
      if (!order) throw new NotFoundError('No order has this id.');
      if (!statusChangesFor(order).includes('CANCELLED')) {
        throw new IllegalStatusChangeError(order.status, 'CANCELLED');
      }
      const authorization = await context.db.payment.findFirst({
        where: { orderId, method: 'PAYPAL', status: 'AUTHORIZED' },
      });
      if (authorization) {
        // Money PayPal only holds for this order is always released: a cancelled order has no
        // use for it, and nothing here could release it later.
        await voidOrderAuthorization(context, { orderId, note: input.note ?? null });
      } else if (input.refundAtPayPal) {
        await refundOrder(context, { orderId, note: input.note ?? null });
      }

      return {
        orderId: await changeOrderStatus(context, {
          orderId,
          status: 'CANCELLED',
          note: input.note ?? null,
        }),
      };
    },
  }),
}));

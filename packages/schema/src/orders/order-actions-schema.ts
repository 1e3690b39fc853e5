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

const SendPaymentReminderPayload = orderPayload('SendPaymentReminderPayload');

builder.mutationField('sendPaymentReminder', (t) =>
  t.field({
    type: SendPaymentReminderPayload,
    description: 'Emails the buyer of a 送信未完 order a link to pay it (staff).',
    errors: {
      types: [NotFoundError, OrderNotPayableError],
      directResult: true,
      union: { name: 'SendPaymentReminderResult' },
    },
    args: { orderId: t.arg.globalID({ for: Order }) },
    resolve: async (_root, { orderId }, context) => {
      requireStaff(context);

      return { orderId: await sendPaymentReminder(context, orderId.id) };
    },
  }),
);

errorObject(IllegalStatusChangeError, {
  name: 'IllegalStatusChangeError',
  description: 'The order cannot move to that status from where it is.',
  fields: (t) => ({ from: t.exposeString('from'), to: t.exposeString('to') }),
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

const ActorTypeEnum = builder.enumType(ActorType, { name: 'ActorType' });

builder.prismaObject('OrderEvent', {
  description: 'One entry of an order’s timeline.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actorType: t.expose('actorType', { type: ActorTypeEnum }),
    kind: t.exposeString('kind', {
      description:
        'PLACED, ORDER_STATUS, PAYMENT_STATUS, PAYMENT_FEE, PAYMENT_REMINDER, PAYMENT_NEEDS_ATTENTION, RECONCILIATION_DIFFERENCE.',
    }),
    fromValue: t.exposeString('fromValue', { nullable: true }),
    toValue: t.exposeString('toValue', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

builder.prismaObject('Refund', {
  description: 'Money given back at PayPal.',
  fields: (t) => ({
    id: t.exposeID('id'),
    amount: t.field({ type: Money, resolve: (refund) => yen(refund.amount) }),
    status: t.exposeString('status', { description: 'REQUESTED, COMPLETED or FAILED.' }),
    paypalRefundTransactionId: t.exposeString('paypalRefundTransactionId', { nullable: true }),
    errorCode: t.exposeString('errorCode', { nullable: true }),
    errorMessage: t.exposeString('errorMessage', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields('Order', (t) => ({
  timeline: t.relation('events', {
    description: 'Every change of the order, oldest first.',
    query: { orderBy: { at: 'asc' } },
  }),
  refunds: t.relation('refunds', { query: { orderBy: { createdAt: 'asc' } } }),
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
  fields: (t) => ({
    orderId: t.globalID({ for: Order }),
    status: t.field({ type: OrderStatusEnum }),
    note: t.string({ required: false }),
  }),
});

const UpdateOrderStatusesInput = builder.inputType('UpdateOrderStatusesInput', {
  fields: (t) => ({
    orderIds: t.globalIDList({ for: Order }),
    status: t.field({ type: OrderStatusEnum }),
    note: t.string({ required: false }),
  }),
});

const BulkStatusFailure = builder
  .objectRef<{ orderId: string; error: IllegalStatusChangeError | NotFoundError }>(
    'OrderStatusChangeFailure',
  )
  .implement({
    fields: (t) => ({
      orderId: t.id({ resolve: (failure) => encodeGlobalID('Order', failure.orderId) }),
      code: t.string({ resolve: (failure) => failure.error.code }),
      message: t.string({ resolve: (failure) => failure.error.message }),
    }),
  });

const UpdateOrderStatusesPayload = builder
  .objectRef<{
    changedIds: string[];
    failures: { orderId: string; error: IllegalStatusChangeError | NotFoundError }[];
  }>('UpdateOrderStatusesPayload')
  .implement({
    fields: (t) => ({
      changed: t.prismaField({
        type: ['Order'],
        resolve: (query, payload, _args, context) =>
          context.db.order.findMany({ ...query, where: { id: { in: payload.changedIds } } }),
      }),
      failures: t.field({ type: [BulkStatusFailure], resolve: (payload) => payload.failures }),
    }),
  });

const RefundOrderInput = builder.inputType('RefundOrderInput', {
  fields: (t) => ({
    orderId: t.globalID({ for: Order }),
    amount: t.int({ required: false, description: 'Yen; absent refunds all that remains.' }),
    note: t.string({ required: false }),
  }),
});

const CancelOrderInput = builder.inputType('CancelOrderInput', {
  fields: (t) => ({
    orderId: t.globalID({ for: Order }),
    refundAtPayPal: t.boolean({
      description:
        'Also give the PayPal money back (refund what remains, or void an authorization not yet captured); false only marks the order.',
    }),
    note: t.string({ required: false }),
  }),
});

const RefreshOrderPayload = builder
  .objectRef<{ orderId: string; findings: string[] }>('RefreshOrderFromPayPalPayload')
  .implement({
    fields: (t) => ({
      order: t.prismaField({
        type: 'Order',
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
    type: orderPayload('UpdateOrderStatusPayload'),
    description: 'Sets 対応状況 (staff or ORDERS_WRITE). Cancelling marks the order only.',
    errors: {
      types: [IllegalStatusChangeError, NotFoundError],
      directResult: true,
      union: { name: 'UpdateOrderStatusResult' },
    },
    args: { input: t.arg({ type: UpdateOrderStatusInput }) },
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
    description: 'Sets 対応状況 of many orders; each that cannot move is listed, not fatal.',
    args: { input: t.arg({ type: UpdateOrderStatusesInput }) },
    resolve: async (_root, { input }, context) => {
      requireOrderWriter(context);
      if (input.orderIds.length > 200) throw new ValidationError('At most 200 orders at once.');

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
    type: orderPayload('RefundOrderPayload'),
    description: 'Refunds at PayPal, all that remains or a part (staff). Idempotent per call.',
    errors: {
      types: [RefundNotPossibleError, ValidationError, NotFoundError, PayPalError],
      directResult: true,
      union: { name: 'RefundOrderResult' },
    },
    args: { input: t.arg({ type: RefundOrderInput }) },
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
    type: orderPayload('CapturePaymentPayload'),
    description:
      '売上確定 (staff): takes the money of the order’s PayPal authorization, in full, once. If PayPal refuses, nothing changes.',
    errors: {
      types: [AuthorizationNotOpenError, NotFoundError, PayPalError],
      directResult: true,
      union: { name: 'CapturePaymentResult' },
    },
    args: { orderId: t.arg.globalID({ for: Order }) },
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
      union: { name: 'RefreshOrderFromPayPalResult' },
    },
    args: { orderId: t.arg.globalID({ for: Order }) },
    resolve: async (_root, { orderId }, context) => {
      requireStaff(context);
      const findings = await refreshOrderFromPayPal(context, orderId.id);

      return { orderId: orderId.id, findings };
    },
  }),
  cancelOrder: t.field({
    type: orderPayload('CancelOrderPayload'),
    description:
      'キャンセル (staff): marks the order cancelled and, when asked, first gives the PayPal money back: a PayPal authorization not yet captured is voided, what remains of a taken payment is refunded. If PayPal refuses, nothing changes.',
    errors: {
      types: [
        IllegalStatusChangeError,
        RefundNotPossibleError,
        AuthorizationNotOpenError,
        NotFoundError,
        PayPalError,
      ],
      directResult: true,
      union: { name: 'CancelOrderResult' },
    },
    args: { input: t.arg({ type: CancelOrderInput }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const orderId = input.orderId.id;
      const order = await context.db.order.findUnique({ where: { id: orderId } });
      if (!order) throw new NotFoundError('No order has this id.');
      if (!statusChangesFor(order).includes('CANCELLED')) {
        throw new IllegalStatusChangeError(order.status, 'CANCELLED');
      }
      if (input.refundAtPayPal) {
        // Money PayPal only holds is released (DoVoid); money it took is refunded.
        if (order.paymentStatus === 'PENDING') {
          await voidOrderAuthorization(context, { orderId, note: input.note ?? null });
        } else {
          await refundOrder(context, { orderId, note: input.note ?? null });
        }
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

import { error, fail } from '@sveltejs/kit';
import { auditPath } from '$lib/global-id';
import { mutate, queryOrFailure } from '$lib/graphql/client';
import { OrderSummaryFields } from '$lib/graphql/fragments';
import { graphql } from '$lib/graphql/graphql';
import { errorText, orderStatusLabel } from '$lib/labels';
import { formatMoney } from '$lib/money';
import {
  authorizedAtPayPal,
  orderActionErrorText,
  readRefundAmount,
  refundableAtPayPal,
  refundRemaining,
} from '$lib/order-actions';
import { orderStatuses } from '$lib/order-filter';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
  CancelOrder,
  CapturePayment,
  RefreshOrderFromPayPal,
  RefundOrder,
  SendPaymentReminder,
  UpdateOrderStatus,
} from './mutations';

const AdminOrder = graphql(
  `
  query AdminOrder($id: ID!) {
    order(id: $id) {
      ...OrderSummaryFields
      updatedAt
      availableStatusChanges
      member { id companyName contactName email }
      paypal { token payerId transactionId payerEmail }
      payments {
        id
        method
        status
        amount { amount currency }
        paypalToken
        paypalTransactionId
        errorCode
        errorMessage
        createdAt
      }
      refunds {
        id
        amount { amount currency }
        status
        paypalRefundTransactionId
        errorCode
        errorMessage
        note
        createdAt
      }
      timeline { at actorType kind fromValue toValue note }
    }
  }
`,
  [OrderSummaryFields],
);

/** Where the order's money stands now, read again by the actions that move it. */
const OrderMoney = graphql(`
  query AdminOrderMoney($id: ID!) {
    order(id: $id) {
      id
      paymentMethod
      paymentStatus
      total { amount currency }
      refunds { amount { amount currency } status }
      payments { status }
    }
  }
`);

function text(form: FormData, name: string): string {
  return form.get(name)?.toString().trim() ?? '';
}

async function orderMoney(event: RequestEvent) {
  // An id from the address bar that is not an order id is a page that does not exist.
  const { data } = await queryOrFailure(event, OrderMoney, { id: event.params.id });
  if (!data?.order) error(404, m.error_ORDER_NOT_FOUND());

  return data.order;
}

export const load: PageServerLoad = async (event) => {
  const { data } = await queryOrFailure(event, AdminOrder, { id: event.params.id });
  if (!data?.order) error(404, m.error_ORDER_NOT_FOUND());

  return { order: data.order, auditPath: auditPath('Order', data.order.id) };
};

export const actions: Actions = {
  status: async (event) => {
    const form = await event.request.formData();
    const entered = { status: text(form, 'status'), note: text(form, 'note') };
    const status = orderStatuses.find((candidate) => candidate === entered.status);
    // Cancelling goes through its own form, which asks whether to refund at PayPal.
    if (!status || status === 'CANCELLED') {
      return fail(400, { error: m.error_VALIDATION(), statusEntered: entered });
    }

    const { updateOrderStatus: result } = await mutate(event, UpdateOrderStatus, {
      input: { orderId: event.params.id, status, note: entered.note || null },
    });
    if (result.__typename !== 'UpdateOrderStatusPayload') {
      return fail(409, { error: orderActionErrorText(result), statusEntered: entered });
    }

    return { done: m.status_changed({ status: orderStatusLabel(result.order.status) }) };
  },

  cancel: async (event) => {
    const form = await event.request.formData();
    const choice = text(form, 'refundAtPayPal');
    const entered = {
      refundAtPayPal: choice === 'true' ? true : choice === 'false' ? false : null,
      note: text(form, 'note'),
    };
    // While PayPal holds money of the order the merchant must say what becomes of it, even when
    // the page was shown before the payment arrived and did not ask.
    const money = await orderMoney(event);
    const authorized = authorizedAtPayPal(money);
    if (refundableAtPayPal(money) && entered.refundAtPayPal === null) {
      return fail(400, { error: m.cancel_choose_refund(), cancelEntered: entered });
    }

    const refundAtPayPal = entered.refundAtPayPal === true;
    const { cancelOrder: result } = await mutate(event, CancelOrder, {
      input: { orderId: event.params.id, refundAtPayPal, note: entered.note || null },
    });
    if (result.__typename !== 'CancelOrderPayload') {
      return fail(409, { error: orderActionErrorText(result), cancelEntered: entered });
    }

    if (authorized) return { done: m.cancelled_voided() };

    return { done: refundAtPayPal ? m.cancelled_refunded() : m.cancelled() };
  },

  capture: async (event) => {
    const money = await orderMoney(event);
    const { capturePayment: result } = await mutate(event, CapturePayment, {
      orderId: event.params.id,
    });
    if (result.__typename !== 'CapturePaymentPayload') {
      return fail(409, { error: orderActionErrorText(result) });
    }

    return { done: m.captured({ amount: formatMoney(money.total) }) };
  },

  refund: async (event) => {
    const form = await event.request.formData();
    const entered = { amount: text(form, 'amount'), note: text(form, 'note') };
    const remaining = refundRemaining(await orderMoney(event));
    // The form carries what was left when it was shown: a second press, or a reload that posts
    // it again, finds less left and refunds nothing twice.
    if (text(form, 'remaining') !== String(remaining.amount)) {
      return fail(409, { error: m.refund_stale(), refundEntered: entered });
    }
    const reading = readRefundAmount(entered.amount, remaining.amount);
    if (!reading.valid) {
      const error = m.refund_amount_invalid({ max: remaining.amount });
      return fail(400, { error, refundEntered: entered });
    }

    const { refundOrder: result } = await mutate(event, RefundOrder, {
      input: { orderId: event.params.id, amount: reading.amount, note: entered.note || null },
    });
    if (result.__typename !== 'RefundOrderPayload') {
      return fail(409, { error: orderActionErrorText(result), refundEntered: entered });
    }

    const refunded = { ...remaining, amount: reading.amount ?? remaining.amount };

    return { done: m.refunded({ amount: formatMoney(refunded) }) };
  },

  refresh: async (event) => {
    const { refreshOrderFromPayPal: result } = await mutate(event, RefreshOrderFromPayPal, {
      orderId: event.params.id,
    });
    if (result.__typename !== 'RefreshOrderFromPayPalPayload') {
      return fail(409, { error: orderActionErrorText(result) });
    }

    return { done: m.refresh_done(), findings: result.findings };
  },

  remind: async (event) => {
    const { sendPaymentReminder: result } = await mutate(event, SendPaymentReminder, {
      orderId: event.params.id,
    });
    if (result.__typename !== 'SendPaymentReminderPayload') {
      return fail(409, { reminderError: errorText(result) });
    }

    return { reminderSentTo: result.order.member.email };
  },
};

import type { OrderStatus, PaymentMethod, PaymentStatus } from '$lib/graphql/graphql';
import { errorText, orderStatusLabel, paymentStatusLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { wholeNumber } from '$lib/whole-number';

type Money = { amount: number; currency: string };

type RefundableOrder = {
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  total: Money;
  refunds: readonly { amount: Money; status: string }[];
};

/** A PayPal order whose money PayPal still holds, wholly or in part. */
export function refundableAtPayPal(order: Omit<RefundableOrder, 'total' | 'refunds'>): boolean {
  return (
    order.paymentMethod === 'PAYPAL' &&
    (order.paymentStatus === 'PAID' || order.paymentStatus === 'PARTIALLY_REFUNDED')
  );
}

/** A PayPal order whose money PayPal holds as an authorization, to capture or void. */
export function authorizedAtPayPal(order: {
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  payments: readonly { status: string }[];
}): boolean {
  return (
    order.paymentMethod === 'PAYPAL' &&
    order.paymentStatus === 'PENDING' &&
    order.payments.some((payment) => payment.status === 'AUTHORIZED')
  );
}

/** What has come back to the buyer: the refunds PayPal completed, not those asked or refused. */
export function refundedAmount(order: Pick<RefundableOrder, 'total' | 'refunds'>): Money {
  const refunds = order.refunds.filter((refund) => refund.status === 'COMPLETED');
  const amount = refunds.reduce((sum, refund) => sum + refund.amount.amount, 0);

  return { amount, currency: order.total.currency };
}

/** The order total less what has been refunded: the most a refund can give back now. */
export function refundRemaining(order: Pick<RefundableOrder, 'total' | 'refunds'>): Money {
  const refunded = refundedAmount(order).amount;

  return { amount: Math.max(order.total.amount - refunded, 0), currency: order.total.currency };
}

/**
 * The statuses the status form offers. キャンセル has a form of its own, which asks whether to
 * refund at PayPal: offered here, it would cancel a paid order without that question.
 */
export function statusFormChoices(available: readonly OrderStatus[]): OrderStatus[] {
  return available.filter((status) => status !== 'CANCELLED');
}

/** A refund amount as typed: empty means all that remains; anything else a whole 1…max yen. */
export function readRefundAmount(
  value: string,
  max: number,
): { amount: number | null; valid: true } | { valid: false } {
  if (value.trim() === '') return { amount: null, valid: true };
  const amount = wholeNumber(value);
  if (amount === null || amount < 1 || amount > max) return { valid: false };

  return { amount, valid: true };
}

/** An order status or a payment status by its label; another value as it is. */
export function statusValueLabel(value: string, locale?: Locale): string {
  const asOrderStatus = orderStatusLabel(value as OrderStatus, locale);
  if (asOrderStatus !== value) return asOrderStatus;

  return paymentStatusLabel(value as PaymentStatus, locale);
}

type ActionError = {
  code: string;
  message: string;
  from?: string;
  to?: string;
  paypalCode?: string | null;
  merchantMessageJa?: string;
  merchantMessageEn?: string;
};

/** What PayPal's error means for the merchant, in the UI's language; the API's words if absent. */
function payPalMerchantMessage(error: ActionError, locale?: Locale): string {
  const english = (locale ?? getLocale()) === 'en';
  const translated = english ? error.merchantMessageEn : error.merchantMessageJa;

  return translated ?? error.message;
}

/**
 * The text of a typed error from an order action. PayPal's code is kept, since it is what the
 * merchant can look up; a missing code means PayPal did not answer and the outcome is unknown.
 */
export function orderActionErrorText(error: ActionError, locale?: Locale): string {
  if (error.code === 'ILLEGAL_STATUS_CHANGE' && error.from && error.to) {
    const from = statusValueLabel(error.from, locale);
    const to = statusValueLabel(error.to, locale);

    return m.error_ILLEGAL_STATUS_CHANGE({ from, to }, { locale });
  }
  if (error.code === 'PAYPAL_ERROR') {
    if (!error.paypalCode) return m.error_paypal_unanswered({}, { locale });
    const message = payPalMerchantMessage(error, locale);

    return m.error_paypal({ code: error.paypalCode, message }, { locale });
  }

  return errorText(error, locale);
}

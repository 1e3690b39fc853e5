import type { Order, OrderLine, Payment } from '@wholesale/db/prisma';
import { describePayPalError } from '@wholesale/paypal/errors';
import type { ExpressCheckoutDetails, NvpErrorItem, NvpResult } from '@wholesale/paypal/nvp';
import { expressCheckoutRedirectUrl, NvpTransportError } from '@wholesale/paypal/nvp';
import type { Context } from '../context.ts';
import type { PayPalConnection } from '../payments/paypal-account.ts';
import type { PayPalError } from './errors.ts';
import { paymentRequestFor } from './order-payment.ts';
import { notePayPalAnswer } from './paypal-connection.ts';
import { payPalErrorFrom, payPalUnreachableError } from './paypal-errors.ts';
import { settlePayPalPayment } from './settle.ts';

export type PaymentWithOrder = Payment & { order: Order & { lines: OrderLine[] } };

const amountMismatch: NvpErrorItem = {
  code: 'AMOUNT_MISMATCH',
  shortMessage: 'Amount mismatch',
  longMessage: 'The amount at PayPal differs from the order total.',
  severity: 'Error',
};

/** Runs one NVP call; a transport failure (outcome unknown) comes back as `unanswered`. */
async function ask<T>(
  context: Context,
  paypal: PayPalConnection,
  call: () => Promise<NvpResult<T>>,
) {
  try {
    const result = await call();
    await notePayPalAnswer(context, result.ok ? [] : result.errors, paypal);

    return result;
  } catch (error) {
    if (!(error instanceof NvpTransportError)) throw error;
    context.log.warn({ kind: error.kind }, 'PayPal did not answer');

    return 'unanswered' as const;
  }
}

/**
 * What PayPal knows of the token: GetExpressCheckoutDetails, checked against the order. Null
 * when PayPal did not answer.
 */
export async function payPalCheckoutState(
  context: Context,
  paypal: PayPalConnection,
  payment: PaymentWithOrder,
): Promise<ExpressCheckoutDetails | null> {
  const result = await ask(context, paypal, () =>
    paypal.client.getExpressCheckoutDetails(payment.paypalToken ?? ''),
  );
  if (result === 'unanswered') return null;
  if (!result.ok) throw await recordFailure(context, payment, result.errors);

  const details = result.value;
  if (details.total !== payment.order.total || details.currency !== payment.order.currency) {
    context.log.error(
      { orderNumber: payment.order.number, paypalTotal: details.total, currency: details.currency },
      'PayPal checkout amount differs from the order',
    );
    throw await recordFailure(context, payment, [amountMismatch]);
  }

  return details;
}

function isCompleted(details: ExpressCheckoutDetails): boolean {
  return details.checkoutStatus === 'PaymentActionCompleted' && Boolean(details.transactionId);
}

async function settleFromDetails(
  context: Context,
  payment: PaymentWithOrder,
  details: ExpressCheckoutDetails,
) {
  // The checkout's details name the transaction, not its state: an authorization is one.
  await settlePayPalPayment(context, payment, {
    transactionId: details.transactionId ?? '',
    paypalPaymentStatus: payment.authorizeOnly ? 'Pending' : 'Completed',
    pendingReason: payment.authorizeOnly ? 'authorization' : null,
    payerId: details.payerId ?? null,
    payerEmail: details.payerEmail ?? null,
  });
}

/** Settles the payment when PayPal reports it taken; null when PayPal did not answer. */
export async function settleIfPaidAtPayPal(
  context: Context,
  paypal: PayPalConnection,
  payment: PaymentWithOrder,
): Promise<boolean | null> {
  const details = await payPalCheckoutState(context, paypal, payment);
  if (!details) return null;
  if (!isCompleted(details)) return false;

  await settleFromDetails(context, payment, details);

  return true;
}

/**
 * What PayPal says of an order's open tokens: paid (and now settled), unpaid, or unknown. A
 * token PayPal cannot answer for (expired, say) counts as unpaid only if PayPal was never
 * asked to pay with it; otherwise the order is left for reconciliation rather than given up.
 */
export async function paidAtPayPal(
  context: Context,
  paypal: PayPalConnection | null,
  order: PaymentWithOrder['order'],
  payments: Payment[],
): Promise<'paid' | 'unpaid' | 'unknown'> {
  for (const payment of payments) {
    if (!payment.paypalToken) continue;
    const details = paypal
      ? await payPalCheckoutState(context, paypal, { ...payment, order }).catch(() => null)
      : null;
    if (details && isCompleted(details)) {
      await settleFromDetails(context, { ...payment, order }, details);
      return 'paid';
    }
    if (!details && payment.payRequestedAt) return 'unknown';
  }

  return 'unpaid';
}

/**
 * Takes an approved payment: asks PayPal first (a payment an earlier request made is settled,
 * not made again), then DoExpressCheckoutPayment. Call it holding the order's payment lock.
 */
export async function takePayPalPayment(
  context: Context,
  paypal: PayPalConnection,
  payment: PaymentWithOrder,
  payerId: string,
): Promise<void> {
  const details = await payPalCheckoutState(context, paypal, payment);
  if (!details) throw payPalUnreachableError();
  if (isCompleted(details)) return settleFromDetails(context, payment, details);

  const token = payment.paypalToken ?? '';
  if (!payment.payRequestedAt) {
    await context.db.payment.update({
      where: { id: payment.id },
      data: { payRequestedAt: context.services.now() },
    });
  }
  const result = await ask(context, paypal, () =>
    paypal.client.doExpressCheckoutPayment({
      token,
      payerId,
      payment: {
        ...paymentRequestFor(payment.order, { authorizeOnly: payment.authorizeOnly }),
        notifyUrl: `${context.services.config.apiPublicUrl}/paypal/ipn`,
      },
      // One key per attempt: a retry after an unknown outcome repeats it and PayPal answers
      // the first result, while a new attempt after a refusal (another funding source) must
      // not be answered with the old refusal.
      msgSubId: `${payment.id}-${payment.paypalAttempts}`,
    }),
  );

  if (result === 'unanswered') {
    // The money may or may not have been taken: settle from what PayPal says, never guess.
    if (await settleIfPaidAtPayPal(context, paypal, payment)) return;
    throw payPalUnreachableError();
  }

  if (!result.ok) {
    const category = describePayPalError(result.errors[0]?.code ?? '').category;
    if (category === 'alreadyCompleted' && (await settleIfPaidAtPayPal(context, paypal, payment))) {
      return;
    }
    const retryUrl =
      category === 'fundingDeclined' ? expressCheckoutRedirectUrl(paypal.checkoutUrl, token) : null;
    throw await recordFailure(context, payment, result.errors, retryUrl, true);
  }

  const paid = result.value;
  if (paid.amount !== payment.order.total || paid.currency !== payment.order.currency) {
    context.log.error(
      { orderNumber: payment.order.number, amount: paid.amount, currency: paid.currency },
      'PayPal took an amount that differs from the order; not marking it paid',
    );
    throw await recordFailure(context, payment, [amountMismatch]);
  }

  await settlePayPalPayment(context, payment, {
    transactionId: paid.transactionId,
    paypalPaymentStatus: paid.paymentStatus,
    pendingReason: paid.pendingReason ?? null,
    payerId: details.payerId ?? payerId,
    payerEmail: details.payerEmail ?? null,
  });
}

async function recordFailure(
  context: Context,
  payment: Payment,
  errors: NvpErrorItem[],
  retryUrl: string | null = null,
  refusedPayment = false,
): Promise<PayPalError> {
  const first = errors[0];
  await context.db.payment.update({
    where: { id: payment.id },
    data: {
      errorCode: first?.code ?? null,
      errorMessage: first?.longMessage.slice(0, 500) ?? null,
      ...(refusedPayment ? { paypalAttempts: { increment: 1 } } : {}),
    },
  });
  context.log.warn({ paymentId: payment.id, code: first?.code }, 'PayPal payment failed');

  return payPalErrorFrom(errors, retryUrl);
}

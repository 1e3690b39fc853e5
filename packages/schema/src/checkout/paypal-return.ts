import type { Payment } from '@wholesale/db/prisma';
import { describePayPalError } from '@wholesale/paypal/errors';
import type { ExpressCheckoutDetails, NvpClient } from '@wholesale/paypal/nvp';
import { expressCheckoutRedirectUrl, NvpTransportError } from '@wholesale/paypal/nvp';
import type { Context } from '../context.ts';
import type { PayPalConnection } from '../payments/paypal-account.ts';
import { PayPalNotConfiguredError } from '../payments/paypal-account.ts';
import type { PayPalError } from './errors.ts';
import { OrderNotFoundError } from './errors.ts';
import { paymentRequestFor } from './order-payment.ts';
import { payPalErrorFrom, payPalUnreachableError } from './paypal-errors.ts';
import { settlePayPalPayment } from './settle.ts';

export interface PayPalReturn {
  memberId: string;
  token: string;
  payerId: string;
}

async function findOwnPayment(context: Context, memberId: string, token: string) {
  const payment = await context.db.payment.findUnique({
    where: { paypalToken: token },
    include: { order: { include: { lines: { orderBy: { position: 'asc' } } } } },
  });
  if (!payment || payment.order.memberId !== memberId) throw new OrderNotFoundError();

  return payment;
}

type OwnPayment = Awaited<ReturnType<typeof findOwnPayment>>;

/**
 * The buyer is back from PayPal having approved the payment: GetExpressCheckoutDetails, then
 * DoExpressCheckoutPayment, then the order becomes NEW and PAID. Safe to repeat: a settled
 * payment answers with its order, PayPal is asked before paying, and DoExpressCheckoutPayment
 * carries a MSGSUBID made of the payment's id and attempt, so PayPal itself refuses to take
 * the money twice.
 */
export async function completePayPalReturn(context: Context, input: PayPalReturn) {
  const payment = await findOwnPayment(context, input.memberId, input.token);
  if (payment.status === 'COMPLETED' || payment.status === 'PENDING') return payment.orderId;

  const paypal = await connect(context);
  const details = await getDetails(context, paypal.client, payment);
  if (details.checkoutStatus === 'PaymentActionCompleted' && details.transactionId) {
    await settleFromDetails(context, payment, details);
    return payment.orderId;
  }

  await pay(context, paypal, payment, input.payerId, details);

  return payment.orderId;
}

/** The buyer pressed cancel at PayPal: the order stays 送信未完 and can be paid later. */
export async function cancelPayPalReturn(context: Context, memberId: string, token: string) {
  const payment = await findOwnPayment(context, memberId, token);
  await context.db.payment.updateMany({
    where: { id: payment.id, status: 'CREATED' },
    data: { status: 'CANCELLED' },
  });

  return payment.orderId;
}

async function connect(context: Context): Promise<PayPalConnection> {
  try {
    return await context.services.paypal(context.db);
  } catch (error) {
    if (!(error instanceof PayPalNotConfiguredError)) throw error;

    throw payPalErrorFrom([
      { code: '10002', shortMessage: '', longMessage: '', severity: 'Error' },
    ]);
  }
}

async function getDetails(context: Context, client: NvpClient, payment: OwnPayment) {
  let result: Awaited<ReturnType<NvpClient['getExpressCheckoutDetails']>>;
  try {
    result = await client.getExpressCheckoutDetails(payment.paypalToken ?? '');
  } catch (error) {
    if (error instanceof NvpTransportError) throw payPalUnreachableError();
    throw error;
  }
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

const amountMismatch = {
  code: 'AMOUNT_MISMATCH',
  shortMessage: 'Amount mismatch',
  longMessage: 'The amount at PayPal differs from the order total.',
  severity: 'Error',
};

async function pay(
  context: Context,
  paypal: PayPalConnection,
  payment: OwnPayment,
  payerId: string,
  details: ExpressCheckoutDetails,
) {
  const token = payment.paypalToken ?? '';
  let result: Awaited<ReturnType<NvpClient['doExpressCheckoutPayment']>>;
  try {
    result = await paypal.client.doExpressCheckoutPayment({
      token,
      payerId,
      payment: paymentRequestFor(payment.order),
      // One key per attempt: a retry after an unknown outcome repeats it and PayPal answers
      // the first result, while a new attempt after a refusal (another funding source) must
      // not be answered with the old refusal.
      msgSubId: `${payment.id}-${payment.paypalAttempts}`,
    });
  } catch (error) {
    if (!(error instanceof NvpTransportError)) throw error;

    // The payment may or may not have been taken: ask PayPal rather than guess.
    context.log.warn({ orderNumber: payment.order.number }, 'DoExpressCheckoutPayment unanswered');
    const after = await getDetails(context, paypal.client, payment);
    if (after.checkoutStatus === 'PaymentActionCompleted' && after.transactionId) {
      await settleFromDetails(context, payment, after);
      return;
    }
    throw payPalUnreachableError();
  }

  if (!result.ok) {
    const category = describePayPalError(result.errors[0]?.code ?? '').category;
    if (category === 'alreadyCompleted') {
      const after = await getDetails(context, paypal.client, payment);
      if (after.checkoutStatus === 'PaymentActionCompleted' && after.transactionId) {
        await settleFromDetails(context, payment, after);
        return;
      }
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
    payerId: details.payerId ?? payerId,
    payerEmail: details.payerEmail ?? null,
  });
}

async function settleFromDetails(
  context: Context,
  payment: Payment,
  details: ExpressCheckoutDetails,
) {
  await settlePayPalPayment(context, payment, {
    transactionId: details.transactionId ?? '',
    paypalPaymentStatus: 'Completed',
    payerId: details.payerId ?? null,
    payerEmail: details.payerEmail ?? null,
  });
}

async function recordFailure(
  context: Context,
  payment: Payment,
  errors: { code: string; longMessage: string }[],
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

  return payPalErrorFrom(
    errors.map((error) => ({ ...error, shortMessage: '', severity: 'Error' })),
    retryUrl,
  );
}

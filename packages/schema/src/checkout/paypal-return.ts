import type { Context } from '../context.ts';
import { OrderNotFoundError, PayPalError } from './errors.ts';
import { withOrderPaymentLock } from './order-lock.ts';
import { connectForPayment } from './paypal-connection.ts';
import { takePayPalPayment } from './paypal-payment.ts';

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

function replacedError() {
  return new PayPalError({
    message: 'A newer PayPal payment replaced this one.',
    paypalCode: null,
    buyerMessageJa:
      'このお支払い手続きは、新しいお支払い手続きに置き換えられています。ご注文履歴からお支払いください。',
    buyerMessageEn: 'This payment was replaced by a newer one. Please pay from your order history.',
  });
}

function inProgressError() {
  return new PayPalError({
    message: 'Another request is taking this payment.',
    paypalCode: null,
    buyerMessageJa: 'お支払いを処理しています。しばらくしてからご注文履歴をご確認ください。',
    buyerMessageEn: 'Your payment is being processed. Please check your order history shortly.',
  });
}

/**
 * The buyer is back from PayPal having approved the payment. Safe to repeat and to race: a
 * settled order answers at once; otherwise one request takes the order's payment lock and
 * pays while the others wait for its outcome, and PayPal is asked before it is paid.
 */
export async function completePayPalReturn(context: Context, input: PayPalReturn) {
  const payment = await findOwnPayment(context, input.memberId, input.token);
  if (payment.status === 'COMPLETED' || payment.status === 'PENDING') return payment.orderId;

  const latest = await context.db.payment.findFirst({
    where: { orderId: payment.orderId, method: 'PAYPAL' },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  if (latest?.id !== payment.id) throw replacedError();

  const paypal = await connectForPayment(context);
  const outcome = await withOrderPaymentLock(context, payment.orderId, () =>
    takePayPalPayment(context, paypal, payment, input.payerId),
  );
  if (outcome === 'busy') await waitForSettlement(context, payment.orderId);

  return payment.orderId;
}

/** Another request holds the payment lock: wait a while for it to finish. */
async function waitForSettlement(context: Context, orderId: string) {
  for (let waited = 0; waited < 15_000; waited += 250) {
    const order = await context.db.order.findUniqueOrThrow({ where: { id: orderId } });
    if (order.paymentStatus !== 'UNPAID') return;
    if (!order.paymentLockedUntil || order.paymentLockedUntil < context.services.now()) break;

    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const order = await context.db.order.findUniqueOrThrow({ where: { id: orderId } });
  if (order.paymentStatus === 'UNPAID' && order.status === 'PAYMENT_INCOMPLETE') {
    throw inProgressError();
  }
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

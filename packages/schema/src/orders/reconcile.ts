import type { TransactionDetails } from '@wholesale/paypal/nvp';
import { NvpTransportError } from '@wholesale/paypal/nvp';
import { formatAmount } from '@wholesale/paypal/nvp-codec';
import { withOrderPaymentLock } from '../checkout/order-lock.ts';
import { connectForPayment } from '../checkout/paypal-connection.ts';
import { payPalErrorFrom, payPalUnreachableError } from '../checkout/paypal-errors.ts';
import { paidAtPayPal } from '../checkout/paypal-payment.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { applyIpn } from '../payments/ipn-apply.ts';
import type { PayPalConnection } from '../payments/paypal-account.ts';
import { recordCompletedRefund } from './refund.ts';

async function loadOrder(context: Context, orderId: string) {
  const order = await context.db.order.findUnique({
    where: { id: orderId },
    include: {
      lines: true,
      payments: { where: { method: 'PAYPAL' }, orderBy: { createdAt: 'desc' } },
      refunds: { where: { status: 'COMPLETED' } },
    },
  });
  if (!order) throw new NotFoundError('No order has this id.');

  return order;
}

type LoadedOrder = Awaited<ReturnType<typeof loadOrder>>;

/**
 * 「PayPalから更新」: compares the order with what PayPal records and applies the difference, or,
 * where PayPal does not say enough to apply it (a partial refund of unknown amount, say),
 * writes it on the timeline for the merchant. Answers what it found.
 */
export async function refreshOrderFromPayPal(context: Context, orderId: string): Promise<string[]> {
  const order = await loadOrder(context, orderId);
  if (order.paymentMethod !== 'PAYPAL') return [];
  const paypal = await connectForPayment(context);

  const findings = await compare(context, paypal, order);
  // Another request holds the payment lock, or its holder died with it: nothing was compared,
  // so the order stays due and the next run looks again once the lock has expired.
  if (!findings) return [];
  await context.db
    .$executeRaw`UPDATE "Order" SET "reconciledAt" = ${context.services.now()} WHERE id = ${order.id}`;
  for (const finding of findings.flagged) {
    await context.db.orderEvent.create({
      data: {
        orderId: order.id,
        actorType: 'SYSTEM',
        kind: 'RECONCILIATION_DIFFERENCE',
        note: finding,
      },
    });
    context.log.warn({ orderNumber: order.number, finding }, 'order differs from PayPal');
  }

  return [...findings.applied, ...findings.flagged];
}

async function compare(context: Context, paypal: PayPalConnection, order: LoadedOrder) {
  const applied: string[] = [];
  const flagged: string[] = [];

  if (order.status === 'PAYMENT_INCOMPLETE' && order.paymentStatus === 'UNPAID') {
    const outcome = await withOrderPaymentLock(context, order.id, () =>
      paidAtPayPal(context, paypal, order, order.payments),
    );
    if (outcome === 'busy') return null;
    if (outcome === 'paid') applied.push('PayPal had taken the payment: the order is now paid.');
    if (outcome === 'unknown')
      flagged.push('PayPal could not say whether an earlier checkout was paid.');
    return { applied, flagged };
  }

  const payment = order.payments.find((candidate) => candidate.paypalTransactionId);
  if (!payment?.paypalTransactionId) return { applied, flagged };

  const details = await transactionDetails(paypal, payment.paypalTransactionId);
  const status = details.paymentStatus;
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.amount, 0);

  if (status === 'Refunded' || status === 'Reversed') {
    if (refunded < order.total) {
      await recordRemainderRefunded(context, order, order.total - refunded, status);
      applied.push(
        `PayPal shows the payment ${status.toLowerCase()}: the remaining ¥${order.total - refunded} is recorded as refunded.`,
      );
    }
  } else if (status === 'Partially-Refunded') {
    if (refunded === 0) flagged.push('PayPal shows a partial refund this shop has no record of.');
  } else if (status === 'Completed' && payment.status === 'AUTHORIZED') {
    // GetTransactionDetails of an authorization does not name the capture; its IPN does.
    flagged.push(
      'PayPal shows the authorization captured, but this shop has no record of the capture.',
    );
  } else if (status === 'Completed' && refunded > 0) {
    flagged.push('The shop records refunds that PayPal does not show.');
  } else if (['Completed', 'Pending', 'Denied', 'Failed', 'Voided', 'Expired'].includes(status)) {
    const result = await applyIpn(context, {
      payment_status: status,
      txn_id: details.transactionId,
      mc_gross: formatAmount(Math.abs(details.amount), details.currency),
      mc_currency: details.currency,
      invoice: String(order.number),
    });
    if (result.applied) applied.push(`PayPal shows the payment ${status}: ${result.outcome}.`);
  }

  return { applied, flagged };
}

async function transactionDetails(
  paypal: PayPalConnection,
  transactionId: string,
): Promise<TransactionDetails> {
  try {
    const result = await paypal.client.getTransactionDetails(transactionId);
    if (!result.ok) throw payPalErrorFrom(result.errors);

    return result.value;
  } catch (error) {
    if (error instanceof NvpTransportError) throw payPalUnreachableError();
    throw error;
  }
}

async function recordRemainderRefunded(
  context: Context,
  order: LoadedOrder,
  amount: number,
  status: string,
) {
  const refund = await context.db.refund.create({
    data: {
      orderId: order.id,
      amount,
      currency: order.currency,
      status: 'REQUESTED',
      actorType: 'PAYPAL',
      note: `${status} at PayPal, found by reconciliation`,
    },
  });
  await recordCompletedRefund(context, {
    refundId: refund.id,
    orderId: order.id,
    paypalRefundTransactionId: null,
  });
}

/**
 * The scheduled reconciliation: PayPal orders of the last 30 days not compared for six hours,
 * a batch at a time. Each comparison is independent, so a failure skips one order only.
 */
export async function reconcileRecentOrders(context: Context): Promise<number> {
  const now = context.services.now();
  const due = await context.db.order.findMany({
    where: {
      paymentMethod: 'PAYPAL',
      placedAt: { gte: new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000) },
      OR: [
        { reconciledAt: null },
        { reconciledAt: { lt: new Date(now.getTime() - 6 * 60 * 60 * 1000) } },
      ],
      NOT: { status: 'PAYMENT_INCOMPLETE', payments: { none: { payRequestedAt: { not: null } } } },
    },
    orderBy: { placedAt: 'asc' },
    take: 25,
    select: { id: true, number: true },
  });

  for (const order of due) {
    try {
      await refreshOrderFromPayPal(context, order.id);
    } catch (error) {
      context.log.warn(
        { orderNumber: order.number, err: error },
        'reconciliation skipped an order',
      );
    }
  }

  return due.length;
}

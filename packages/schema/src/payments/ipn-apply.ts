import { parseAmount } from '@wholesale/paypal/nvp-codec';
import { withOrderPaymentLock } from '../checkout/order-lock.ts';
import { settlePayPalPayment } from '../checkout/settle.ts';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { orderReceivedEmail } from '../email/templates.ts';
import { applyTransition } from '../orders/lifecycle.ts';
import { recordCompletedRefund } from '../orders/refund.ts';

type Fields = Record<string, string>;

/** mc_gross in minor units, positive; null when absent or malformed. */
function grossAmount(fields: Record<string, string>): number | null {
  const currency = fields.mc_currency ?? 'JPY';
  try {
    return Math.abs(parseAmount(fields.mc_gross ?? '', currency));
  } catch {
    return null;
  }
}

export interface IpnResult {
  applied: boolean;
  outcome: string;
  orderId: string | null;
  /** Nothing was decided: the message is to be applied again later. */
  retryLater?: boolean;
}

const ignored = (outcome: string, orderId: string | null = null): IpnResult => ({
  applied: false,
  outcome,
  orderId,
});

/**
 * What a verified IPN message means for the order it concerns. Each case checks the amount
 * and currency against the order and changes nothing it has seen before, so a repeated or
 * late message is harmless.
 */
export async function applyIpn(context: Context, fields: Fields): Promise<IpnResult> {
  switch (fields.payment_status) {
    case 'Completed':
    case 'Pending':
      return applyPayment(context, fields);
    case 'Refunded':
    case 'Reversed':
      return applyRefund(context, fields);
    case 'Canceled_Reversal':
      return applyCanceledReversal(context, fields);
    case 'Denied':
    case 'Failed':
    case 'Voided':
    case 'Expired':
      return applyFailure(context, fields);
    default:
      return ignored(`payment_status ${fields.payment_status ?? '(none)'} needs no change`);
  }
}

async function applyPayment(context: Context, fields: Fields): Promise<IpnResult> {
  const txnId = fields.txn_id ?? '';
  const known = await context.db.payment.findUnique({
    where: { paypalTransactionId: txnId },
    include: { order: true },
  });
  if (known) return completeKnownPayment(context, fields, known.id);
  const authorized = fields.auth_id
    ? await context.db.payment.findUnique({ where: { paypalAuthorizationId: fields.auth_id } })
    : null;
  if (authorized) return applyCapture(context, fields, authorized.id);

  // A payment the shop never heard back about (the API died after PayPal answered, say):
  // find the order by its number and settle it, if the amount is the order's.
  const order = await context.db.order.findUnique({
    where: { number: Number(fields.invoice) || -1 },
    include: {
      lines: true,
      payments: { where: { method: 'PAYPAL' }, orderBy: { createdAt: 'desc' } },
    },
  });
  if (!order) return ignored(`no order numbered ${fields.invoice ?? '(none)'}`);
  if (grossAmount(fields) !== order.total || fields.mc_currency !== order.currency) {
    return ignored('amount or currency differs from the order', order.id);
  }
  const payment = order.payments.find((candidate) => candidate.paypalToken);
  if (!payment) return ignored('the order has no PayPal payment', order.id);

  const outcome = await withOrderPaymentLock(context, order.id, () =>
    settlePayPalPayment(context, payment, {
      transactionId: txnId,
      paypalPaymentStatus: fields.payment_status ?? 'Completed',
      pendingReason: fields.pending_reason ?? null,
      payerId: fields.payer_id ?? null,
      payerEmail: fields.payer_email ?? null,
    }),
  );
  if (outcome === 'busy') {
    // Another request is taking this order's payment right now (or died holding the lock, which
    // expires by itself): whatever it ends with, this message is to be looked at again after.
    const now = await context.db.order.findUniqueOrThrow({ where: { id: order.id } });
    if (now.status === 'PAYMENT_INCOMPLETE' && now.paymentStatus === 'UNPAID') {
      return { ...ignored('the order is busy with its payment', order.id), retryLater: true };
    }

    return ignored('the order is not awaiting a payment', order.id);
  }

  return { applied: true, outcome: `payment ${txnId} recorded`, orderId: order.id };
}

async function completeKnownPayment(
  context: Context,
  fields: Fields,
  paymentId: string,
): Promise<IpnResult> {
  const payment = await context.db.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { order: { include: { lines: true, member: { include: { user: true } } } } },
  });
  const { order } = payment;
  if (fields.payment_status !== 'Completed' || payment.status !== 'PENDING') {
    return ignored('already recorded', order.id);
  }
  if (grossAmount(fields) !== order.total || fields.mc_currency !== order.currency) {
    return ignored('amount or currency differs from the order', order.id);
  }

  const moved = await context.db.$transaction(async (tx) => {
    await tx.payment.update({
      where: { id: payment.id },
      data: { status: 'COMPLETED', paypalPaymentStatus: 'Completed' },
    });
    const done = await applyTransition(tx, {
      orderId: order.id,
      from: { status: order.status, paymentStatus: 'PENDING' },
      to: { paymentStatus: 'PAID' },
      actor: { type: 'PAYPAL' },
      note: `IPN ${fields.txn_id}: pending payment completed`,
      data: { paidAt: context.services.now() },
    });
    if (done) {
      await enqueueEmail(tx, {
        dedupeKey: `order-received:${order.id}`,
        orderId: order.id,
        to: order.member.user.email,
        ...orderReceivedEmail(order, context.services.config.storefrontUrl),
      });
    }

    return done;
  });
  context.services.mail.wake();

  return moved
    ? { applied: true, outcome: 'pending payment completed', orderId: order.id }
    : ignored('the order moved on meanwhile', order.id);
}

/**
 * A capture of an authorization, made here (whose answer this IPN repeats) or in PayPal's own
 * account: the payment becomes the capture, and the order paid.
 */
async function applyCapture(
  context: Context,
  fields: Fields,
  paymentId: string,
): Promise<IpnResult> {
  const payment = await context.db.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { order: true },
  });
  const { order } = payment;
  if (payment.status !== 'AUTHORIZED') return ignored('authorization already settled', order.id);
  if (grossAmount(fields) !== order.total || fields.mc_currency !== order.currency) {
    return ignored('amount or currency differs from the order', order.id);
  }

  const completed = fields.payment_status === 'Completed';
  const moved = await context.db.$transaction(async (tx) => {
    const claimed = await tx.payment.updateMany({
      where: { id: payment.id, status: 'AUTHORIZED' },
      data: {
        status: completed ? 'COMPLETED' : 'PENDING',
        paypalTransactionId: fields.txn_id ?? null,
        paypalPaymentStatus: fields.payment_status ?? null,
        completedAt: context.services.now(),
      },
    });
    if (claimed.count === 0 || !completed) return claimed.count > 0;

    return applyTransition(tx, {
      orderId: order.id,
      from: { status: order.status, paymentStatus: 'PENDING' },
      to: { paymentStatus: 'PAID' },
      actor: { type: 'PAYPAL' },
      note: `IPN ${fields.txn_id}: authorization ${fields.auth_id} captured`,
      data: { paidAt: context.services.now() },
    });
  });

  return moved
    ? { applied: true, outcome: `capture ${fields.txn_id} recorded`, orderId: order.id }
    : ignored('the order moved on meanwhile', order.id);
}

async function paymentOf(context: Context, parentTxnId: string | undefined) {
  if (!parentTxnId) return null;

  return context.db.payment.findUnique({
    where: { paypalTransactionId: parentTxnId },
    include: { order: true },
  });
}

async function applyRefund(context: Context, fields: Fields): Promise<IpnResult> {
  const txnId = fields.txn_id ?? '';
  const payment = await paymentOf(context, fields.parent_txn_id);
  if (!payment) return ignored(`no payment ${fields.parent_txn_id ?? '(none)'}`);
  const { order } = payment;
  const amount = grossAmount(fields);
  if (amount === null || fields.mc_currency !== order.currency) {
    return ignored('amount or currency unreadable', order.id);
  }

  const existing = await context.db.refund.findUnique({
    where: { paypalRefundTransactionId: txnId },
  });
  if (existing) return ignored(`refund ${txnId} already recorded`, order.id);

  // Reconciliation may have recorded this refund already without knowing its id.
  const unnamed = await context.db.refund.findFirst({
    where: { orderId: order.id, status: 'COMPLETED', paypalRefundTransactionId: null, amount },
  });
  if (unnamed) {
    await context.db.refund.update({
      where: { id: unnamed.id },
      data: { paypalRefundTransactionId: txnId },
    });
    return ignored(`refund ${txnId} matched one already recorded`, order.id);
  }
  const refunds = await context.db.refund.findMany({
    where: { orderId: order.id, status: 'COMPLETED' },
  });
  if (refunds.reduce((sum, refund) => sum + refund.amount, 0) + amount > order.total) {
    return ignored(`refund ${txnId} exceeds what remains of the payment`, order.id);
  }

  const reversal = fields.payment_status === 'Reversed';
  const refund = await context.db.refund.create({
    data: {
      orderId: order.id,
      amount,
      currency: order.currency,
      status: 'REQUESTED',
      actorType: 'PAYPAL',
      note: reversal
        ? `Reversed by PayPal (${fields.reason_code ?? 'no reason given'})`
        : 'Refunded at PayPal',
    },
  });
  await recordCompletedRefund(context, {
    refundId: refund.id,
    orderId: order.id,
    paypalRefundTransactionId: txnId,
  });

  return {
    applied: true,
    outcome: `${reversal ? 'reversal' : 'refund'} ${txnId} of ${amount}`,
    orderId: order.id,
  };
}

async function applyCanceledReversal(context: Context, fields: Fields): Promise<IpnResult> {
  const payment = await paymentOf(context, fields.parent_txn_id);
  if (!payment) return ignored(`no payment ${fields.parent_txn_id ?? '(none)'}`);
  const reversal = await context.db.refund.findFirst({
    where: {
      orderId: payment.orderId,
      status: 'COMPLETED',
      note: { startsWith: 'Reversed by PayPal' },
    },
    orderBy: { createdAt: 'desc' },
  });
  if (!reversal) return ignored('no reversal to cancel', payment.orderId);

  await context.db.$transaction(async (tx) => {
    await tx.refund.update({
      where: { id: reversal.id },
      data: { status: 'FAILED', errorMessage: `Reversal cancelled (${fields.txn_id ?? ''})` },
    });
    const order = await tx.order.findUniqueOrThrow({
      where: { id: payment.orderId },
      include: { refunds: { where: { status: 'COMPLETED' } } },
    });
    const refunded = order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
    await applyTransition(tx, {
      orderId: order.id,
      from: { status: order.status, paymentStatus: order.paymentStatus },
      to: { paymentStatus: refunded > 0 ? 'PARTIALLY_REFUNDED' : 'PAID' },
      actor: { type: 'PAYPAL' },
      note: `IPN ${fields.txn_id}: reversal cancelled`,
    });
  });

  return { applied: true, outcome: 'reversal cancelled', orderId: payment.orderId };
}

async function applyFailure(context: Context, fields: Fields): Promise<IpnResult> {
  const payment = await context.db.payment.findUnique({
    where: { paypalTransactionId: fields.txn_id ?? '' },
    include: { order: true },
  });
  if (!payment) return ignored(`no payment ${fields.txn_id ?? '(none)'}`);
  if (payment.order.paymentStatus !== 'PENDING')
    return ignored('payment not pending', payment.orderId);

  const voided = fields.payment_status === 'Voided' || fields.payment_status === 'Expired';
  await context.db.$transaction(async (tx) => {
    await tx.payment.update({
      where: { id: payment.id },
      data: {
        status: voided ? 'VOIDED' : 'FAILED',
        paypalPaymentStatus: fields.payment_status ?? null,
      },
    });
    await applyTransition(tx, {
      orderId: payment.orderId,
      from: { status: payment.order.status, paymentStatus: 'PENDING' },
      to: { paymentStatus: voided ? 'VOIDED' : 'FAILED' },
      actor: { type: 'PAYPAL' },
      note: `IPN ${fields.txn_id}: ${fields.payment_status}`,
    });
  });

  return { applied: true, outcome: `payment ${fields.payment_status}`, orderId: payment.orderId };
}

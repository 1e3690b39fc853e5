import type { NvpResult } from '@wholesale/paypal/nvp';
import { NvpTransportError } from '@wholesale/paypal/nvp';
import { actorOf, audit } from '../audit/audit.ts';
import { withOrderLock } from '../checkout/order-lock.ts';
import { connectForPayment, notePayPalAnswer } from '../checkout/paypal-connection.ts';
import { payPalErrorFrom, payPalUnreachableError } from '../checkout/paypal-errors.ts';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { refundNoticeEmail } from '../email/templates.ts';
import { DomainError, NotFoundError, ValidationError } from '../errors.ts';
import { applyTransition } from './lifecycle.ts';

export class RefundNotPossibleError extends DomainError {
  constructor(message: string) {
    super('REFUND_NOT_POSSIBLE', message);
  }
}

async function loadRefundable(context: Context, orderId: string) {
  const order = await context.db.order.findUnique({
    where: { id: orderId },
    include: {
      payments: { where: { method: 'PAYPAL', status: 'COMPLETED' } },
      refunds: { where: { status: 'COMPLETED' } },
      member: { include: { user: true } },
    },
  });
  if (!order) throw new NotFoundError('No order has this id.');

  const payment = order.payments.find((candidate) => candidate.paypalTransactionId);
  if (!payment?.paypalTransactionId) {
    throw new RefundNotPossibleError('Only orders paid with PayPal can be refunded at PayPal.');
  }
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.amount, 0);

  return { order, transactionId: payment.paypalTransactionId, refunded };
}

/**
 * Refunds at PayPal (RefundTransaction): the whole remainder, or a part of it. The refund is
 * recorded before PayPal is called and its id is the MSGSUBID, so repeating the call after an
 * unanswered one cannot refund twice; a refusal leaves the order as it was, with PayPal's
 * message. Runs under the order's lock, so two refunds never overdraw the payment.
 */
export async function refundOrder(
  context: Context,
  input: { orderId: string; amount?: number | null; note?: string | null },
): Promise<string> {
  const paypal = await connectForPayment(context);
  const outcome = await withOrderLock(context, input.orderId, 'refundable', async () => {
    const { order, transactionId, refunded } = await loadRefundable(context, input.orderId);
    const remaining = order.total - refunded;
    const amount = input.amount ?? remaining;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > remaining) {
      throw new ValidationError(`Refund a whole amount from 1 to ${remaining}.`, 'amount');
    }

    const refund = await context.db.refund.create({
      data: {
        orderId: order.id,
        amount,
        currency: order.currency,
        status: 'REQUESTED',
        note: input.note?.trim().slice(0, 500) || null,
        actorType: actorOf(context).type,
        actorId: actorOf(context).id ?? null,
      },
    });
    const full = refunded === 0 && amount === order.total;
    const call = () =>
      paypal.client.refundTransaction({
        transactionId,
        type: full ? 'Full' : 'Partial',
        ...(full ? {} : { amount }),
        currency: order.currency,
        msgSubId: refund.id,
        ...(refund.note ? { note: refund.note } : {}),
      });
    const result = await callTwice(call);
    if (result === 'unanswered') throw payPalUnreachableError();
    await notePayPalAnswer(context, result.ok ? [] : result.errors, paypal);
    if (!result.ok) {
      const first = result.errors[0];
      await context.db.refund.update({
        where: { id: refund.id },
        data: {
          status: 'FAILED',
          errorCode: first?.code ?? null,
          errorMessage: first?.longMessage ?? null,
        },
      });
      throw payPalErrorFrom(result.errors);
    }

    await recordCompletedRefund(context, {
      refundId: refund.id,
      orderId: order.id,
      paypalRefundTransactionId: result.value.refundTransactionId,
    });

    return order.id;
  });
  if (outcome === 'busy') {
    throw new RefundNotPossibleError('The order has no PayPal payment to refund now, or is busy.');
  }

  return outcome;
}

/** One retry with the same MSGSUBID after an unanswered call; PayPal answers it once. */
export async function callTwice<T>(call: () => Promise<NvpResult<T>>) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof NvpTransportError)) throw error;
    }
  }

  return 'unanswered' as const;
}

/**
 * Marks a refund done and moves the payment status: PARTIALLY_REFUNDED, or REFUNDED once
 * nothing remains. Used for refunds made here and for those PayPal reports by IPN.
 */
export async function recordCompletedRefund(
  context: Context,
  input: { refundId: string; orderId: string; paypalRefundTransactionId: string | null },
): Promise<void> {
  await context.db.$transaction(async (tx) => {
    const refund = await tx.refund.update({
      where: { id: input.refundId },
      data: {
        status: 'COMPLETED',
        paypalRefundTransactionId: input.paypalRefundTransactionId,
        completedAt: context.services.now(),
      },
    });
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      include: { refunds: { where: { status: 'COMPLETED' } }, member: { include: { user: true } } },
    });
    const refunded = order.refunds.reduce((sum, completed) => sum + completed.amount, 0);
    const remaining = order.total - refunded;
    await applyTransition(tx, {
      orderId: order.id,
      from: { status: order.status, paymentStatus: order.paymentStatus },
      to: { paymentStatus: remaining <= 0 ? 'REFUNDED' : 'PARTIALLY_REFUNDED' },
      actor: { type: refund.actorType, id: refund.actorId },
      note: `Refund ${input.paypalRefundTransactionId ?? '(id unknown)'}: ${refund.amount} ${refund.currency}`,
    });
    await audit(tx, {
      actor: { type: refund.actorType, id: refund.actorId },
      action: 'REFUND_RECORDED',
      subjectType: 'Order',
      subjectId: order.id,
      changes: {
        refund: {
          to: { amount: refund.amount, paypalRefundTransactionId: input.paypalRefundTransactionId },
        },
        paymentStatus: {
          from: order.paymentStatus,
          to: remaining <= 0 ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
        },
      },
    });
    await enqueueEmail(tx, {
      dedupeKey: `refund:${refund.id}`,
      orderId: order.id,
      to: order.member.user.email,
      ...refundNoticeEmail(order, { amount: refund.amount, remaining: Math.max(remaining, 0) }),
    });
  });
  context.services.mail.wake();
}

import type { NvpErrorItem } from '@wholesale/paypal/nvp';
import { actorOf, audit } from '../audit/audit.ts';
import { withOrderLock } from '../checkout/order-lock.ts';
import { connectForPayment, notePayPalAnswer } from '../checkout/paypal-connection.ts';
import { payPalErrorFrom, payPalUnreachableError } from '../checkout/paypal-errors.ts';
import type { Context } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { applyTransition } from './lifecycle.ts';
import { callTwice } from './refund.ts';

export class AuthorizationNotOpenError extends DomainError {
  constructor() {
    super(
      'AUTHORIZATION_NOT_OPEN',
      'The order has no PayPal authorization waiting for capture now, or is busy.',
    );
  }
}

async function loadAuthorized(context: Context, orderId: string) {
  const order = await context.db.order.findUnique({
    where: { id: orderId },
    include: { payments: { where: { method: 'PAYPAL', status: 'AUTHORIZED' } } },
  });
  if (!order) throw new NotFoundError('No order has this id.');
  const payment = order.payments.find((candidate) => candidate.paypalAuthorizationId);
  if (!payment?.paypalAuthorizationId) throw new AuthorizationNotOpenError();

  return { order, payment, authorizationId: payment.paypalAuthorizationId };
}

async function recordRefusal(context: Context, paymentId: string, errors: NvpErrorItem[]) {
  const first = errors[0];
  await context.db.payment.update({
    where: { id: paymentId },
    data: {
      errorCode: first?.code ?? null,
      errorMessage: first?.longMessage.slice(0, 500) ?? null,
    },
  });

  return payPalErrorFrom(errors);
}

/**
 * 売上確定: captures the order's PayPal authorization in full (DoCapture), once. The
 * payment's id makes the MSGSUBID, so a retry after an unanswered call gets PayPal's first
 * answer instead of a second capture; a refusal leaves the order as it was.
 */
export async function captureOrderPayment(context: Context, orderId: string): Promise<string> {
  const paypal = await connectForPayment(context);
  const outcome = await withOrderLock(context, orderId, 'authorized', async () => {
    const { order, payment, authorizationId } = await loadAuthorized(context, orderId);
    const result = await callTwice(() =>
      paypal.client.doCapture({
        authorizationId,
        amount: order.total,
        currency: order.currency,
        invoiceId: String(order.number),
        msgSubId: `${payment.id}-capture`,
      }),
    );
    if (result === 'unanswered') throw payPalUnreachableError();
    await notePayPalAnswer(context, result.ok ? [] : result.errors, paypal);
    if (!result.ok) throw await recordRefusal(context, payment.id, result.errors);

    const capture = result.value;
    const completed = capture.paymentStatus === 'Completed';
    const now = context.services.now();
    await context.db.$transaction(async (tx) => {
      await tx.payment.update({
        where: { id: payment.id },
        data: {
          // A capture PayPal still holds (payment review) completes by IPN or reconciliation.
          status: completed ? 'COMPLETED' : 'PENDING',
          paypalTransactionId: capture.transactionId,
          paypalPaymentStatus: capture.pendingReason
            ? `${capture.paymentStatus} (${capture.pendingReason})`
            : capture.paymentStatus,
          errorCode: null,
          errorMessage: null,
          completedAt: now,
        },
      });
      if (completed) {
        await applyTransition(tx, {
          orderId: order.id,
          from: { status: order.status, paymentStatus: 'PENDING' },
          to: { paymentStatus: 'PAID' },
          actor: actorOf(context),
          note: `PayPal capture ${capture.transactionId} of authorization ${authorizationId}`,
          data: { paidAt: now },
        });
      }
      await audit(tx, {
        actor: actorOf(context),
        action: 'PAYMENT_CAPTURED',
        subjectType: 'Order',
        subjectId: order.id,
        changes: {
          capture: { to: { amount: capture.amount, paypalTransactionId: capture.transactionId } },
          ...(completed ? { paymentStatus: { from: 'PENDING', to: 'PAID' } } : {}),
        },
      });
    });
    context.log.info({ orderNumber: order.number }, 'PayPal authorization captured');

    return order.id;
  });
  if (outcome === 'busy') throw new AuthorizationNotOpenError();

  return outcome;
}

/**
 * Voids the order's PayPal authorization (DoVoid), once, so the buyer's money is released
 * without being taken. A refusal leaves the order as it was, with PayPal's message.
 */
export async function voidOrderAuthorization(
  context: Context,
  input: { orderId: string; note?: string | null },
): Promise<string> {
  const paypal = await connectForPayment(context);
  const outcome = await withOrderLock(context, input.orderId, 'authorized', async () => {
    const { order, payment, authorizationId } = await loadAuthorized(context, input.orderId);
    const note = input.note?.trim().slice(0, 255) || undefined;
    const result = await callTwice(() =>
      paypal.client.doVoid({
        authorizationId,
        msgSubId: `${payment.id}-void`,
        ...(note ? { note } : {}),
      }),
    );
    if (result === 'unanswered') throw payPalUnreachableError();
    await notePayPalAnswer(context, result.ok ? [] : result.errors, paypal);
    if (!result.ok) throw await recordRefusal(context, payment.id, result.errors);

    await context.db.$transaction(async (tx) => {
      await tx.payment.update({
        where: { id: payment.id },
        data: { status: 'VOIDED', paypalPaymentStatus: 'Voided', errorCode: null },
      });
      await applyTransition(tx, {
        orderId: order.id,
        from: { status: order.status, paymentStatus: 'PENDING' },
        to: { paymentStatus: 'VOIDED' },
        actor: actorOf(context),
        note: `PayPal authorization ${authorizationId} voided`,
      });
      await audit(tx, {
        actor: actorOf(context),
        action: 'PAYMENT_VOIDED',
        subjectType: 'Order',
        subjectId: order.id,
        changes: { paymentStatus: { from: 'PENDING', to: 'VOIDED' } },
      });
    });
    context.log.info({ orderNumber: order.number }, 'PayPal authorization voided');

    return order.id;
  });
  if (outcome === 'busy') throw new AuthorizationNotOpenError();

  return outcome;
}

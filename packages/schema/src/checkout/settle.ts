import type { Payment } from '@wholesale/db/prisma';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { orderReceivedEmail } from '../email/templates.ts';
import { applyTransition } from '../orders/lifecycle.ts';

export interface PayPalSettlement {
  transactionId: string;
  /** PayPal's PAYMENTSTATUS: Completed, or Pending while PayPal reviews the payment. */
  paypalPaymentStatus: string;
  /** Why PayPal holds a Pending payment: paymentreview, echeck, … */
  pendingReason?: string | null;
  payerId: string | null;
  payerEmail: string | null;
}

/**
 * Records a payment PayPal has taken and moves its order to 新規注文. The payment row is
 * claimed with a conditional update, so when two returns race only one of them changes the
 * order and enqueues the order-received email (which its dedupe key also makes unique).
 */
export async function settlePayPalPayment(
  context: Context,
  payment: Payment,
  settlement: PayPalSettlement,
): Promise<void> {
  const completed = settlement.paypalPaymentStatus === 'Completed';
  // An authorization holds the buyer's money until the merchant captures it: the order is
  // taken (新規注文, with its email) while its payment stays PENDING.
  const authorized = !completed && settlement.pendingReason === 'authorization';
  const now = context.services.now();

  const settled = await context.db.$transaction(async (tx) => {
    const claimed = await tx.payment.updateMany({
      where: { id: payment.id, status: { in: ['CREATED', 'CANCELLED'] } },
      data: {
        status: completed ? 'COMPLETED' : authorized ? 'AUTHORIZED' : 'PENDING',
        paypalTransactionId: settlement.transactionId,
        ...(authorized ? { paypalAuthorizationId: settlement.transactionId } : {}),
        paypalPaymentStatus: settlement.pendingReason
          ? `${settlement.paypalPaymentStatus} (${settlement.pendingReason})`
          : settlement.paypalPaymentStatus,
        paypalPayerId: settlement.payerId,
        paypalPayerEmail: settlement.payerEmail,
        errorCode: null,
        errorMessage: null,
        completedAt: now,
      },
    });
    if (claimed.count === 0) return false;

    const moved = await applyTransition(tx, {
      orderId: payment.orderId,
      from: { status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' },
      to: { status: 'NEW', paymentStatus: completed ? 'PAID' : 'PENDING' },
      actor: { type: 'PAYPAL' },
      note: `PayPal ${settlement.transactionId}`,
      data: { paidAt: completed ? now : null, paymentLockedUntil: null },
    });
    if (!moved) {
      // PayPal took money for an order no longer waiting for it. The payment stays on record
      // and the timeline asks the merchant to look; the order is not moved behind their back.
      await tx.orderEvent.create({
        data: {
          orderId: payment.orderId,
          actorType: 'PAYPAL',
          kind: 'PAYMENT_NEEDS_ATTENTION',
          toValue: settlement.transactionId,
          note: 'PayPal took a payment for an order that was not awaiting one.',
        },
      });
      context.log.error(
        { orderId: payment.orderId },
        'PayPal payment for an order not awaiting it',
      );
      return false;
    }
    const order = await tx.order.findUniqueOrThrow({
      where: { id: payment.orderId },
      include: { lines: { orderBy: { position: 'asc' } }, member: { include: { user: true } } },
    });
    if (completed || authorized) {
      await enqueueEmail(tx, {
        dedupeKey: `order-received:${order.id}`,
        orderId: order.id,
        to: order.member.user.email,
        ...orderReceivedEmail(order, context.services.config.storefrontUrl),
      });
    }

    return true;
  });

  if (settled) {
    context.log.info(
      { orderId: payment.orderId, transactionId: settlement.transactionId },
      'PayPal payment settled',
    );
    context.services.mail.wake();
  }
}

import { OrderNotPayableError } from '../checkout/errors.ts';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { paymentReminderEmail } from '../email/templates.ts';
import { NotFoundError } from '../errors.ts';

/** A reminder pressed again within this long (twice by mistake, two staff at once) is one. */
const reminderWindowMs = 10 * 60 * 1000;

/** Emails the buyer of a 送信未完 order a link to pay it from the order history. */
export async function sendPaymentReminder(context: Context, orderId: string): Promise<string> {
  const order = await context.db.order.findUnique({
    where: { id: orderId },
    include: { member: { include: { user: true } } },
  });
  if (!order) throw new NotFoundError('No order has this id.');
  if (order.status !== 'PAYMENT_INCOMPLETE' || order.paymentStatus !== 'UNPAID') {
    throw new OrderNotPayableError(order.status, order.paymentStatus);
  }

  const window = Math.floor(context.services.now().getTime() / reminderWindowMs);
  await context.db.$transaction(async (tx) => {
    const queued = await enqueueEmail(tx, {
      dedupeKey: `payment-reminder:${order.id}:${window}`,
      orderId: order.id,
      to: order.member.user.email,
      ...paymentReminderEmail(order, context.services.config.storefrontUrl),
    });
    if (!queued) return;
    await tx.orderEvent.create({
      data: {
        orderId: order.id,
        actorType: 'STAFF',
        actorId: context.viewer?.userId ?? null,
        kind: 'PAYMENT_REMINDER',
        toValue: order.member.user.email,
      },
    });
  });
  context.services.mail.wake();
  context.log.info({ orderNumber: order.number, by: context.viewer?.userId }, 'payment reminder');

  return order.id;
}

import type { Order, OrderLine, Payment } from '@wholesale/db/prisma';
import { withOrderPaymentLock } from '../checkout/order-lock.ts';
import { paidAtPayPal } from '../checkout/paypal-payment.ts';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { orderExpiredEmail } from '../email/templates.ts';
import { loadShopRules } from '../settings/shop-settings.ts';
import { applyTransition } from './lifecycle.ts';

type DueOrder = Order & { lines: OrderLine[]; payments: Payment[] };

/**
 * Cancels 送信未完 orders older than the merchant's limit (72 hours by default), releases
 * their stock and tells the buyer. Driven by the orders' own timestamps, so it resumes after
 * a restart; each order is taken under its payment lock and cancelled by a conditional
 * update, so several API instances never cancel or restock one order twice.
 */
export async function expireUnpaidOrders(context: Context): Promise<number> {
  const rules = await loadShopRules(context.db);
  const now = context.services.now();
  const cutoff = new Date(now.getTime() - rules.unpaidOrderExpiryHours * 60 * 60 * 1000);
  const due = await context.db.order.findMany({
    where: { status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID', placedAt: { lt: cutoff } },
    include: { lines: true, payments: { where: { method: 'PAYPAL' } } },
    orderBy: { placedAt: 'asc' },
    take: 50,
  });
  if (due.length === 0) return 0;

  const needsPayPal = due.some((order) => order.payments.some((payment) => payment.paypalToken));
  const paypal = needsPayPal ? await context.services.paypal(context.db).catch(() => null) : null;
  let cancelled = 0;
  for (const order of due) {
    const outcome = await withOrderPaymentLock(context, order.id, async () => {
      const state = await paidAtPayPal(context, paypal, order, order.payments);
      if (state !== 'unpaid') return state;

      return (await cancelExpiredOrder(context, order, rules.unpaidOrderExpiryHours))
        ? 'cancelled'
        : 'unpaid';
    });
    if (outcome === 'cancelled') cancelled += 1;
    if (outcome === 'unknown') {
      context.log.warn({ orderNumber: order.number }, 'unpaid order kept: PayPal did not say');
    }
  }
  if (cancelled > 0) context.services.mail.wake();

  return cancelled;
}

async function cancelExpiredOrder(context: Context, order: DueOrder, hours: number) {
  return context.db.$transaction(async (tx) => {
    const now = context.services.now();
    const cancelled = await applyTransition(tx, {
      orderId: order.id,
      from: { status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' },
      to: { status: 'CANCELLED' },
      actor: { type: 'SYSTEM' },
      note: `Not paid within ${hours} hours`,
      data: { cancelledAt: now },
    });
    if (!cancelled) return false;

    for (const line of order.lines) {
      await tx.product.update({
        where: { id: line.productId },
        data: { stock: { increment: line.quantity } },
      });
    }
    await tx.payment.updateMany({
      where: { orderId: order.id, status: 'CREATED' },
      data: { status: 'CANCELLED' },
    });
    const member = await tx.member.findUniqueOrThrow({
      where: { id: order.memberId },
      include: { user: true },
    });
    await enqueueEmail(tx, {
      dedupeKey: `order-expired:${order.id}`,
      orderId: order.id,
      to: member.user.email,
      ...orderExpiredEmail({ ...order, member }, context.services.config.storefrontUrl, hours),
    });
    context.log.info({ orderNumber: order.number }, 'unpaid order expired');

    return true;
  });
}

import type { OrderStatus } from '@wholesale/db/enums';
import type { Order, Prisma } from '@wholesale/db/prisma';
import { actorOf, audit } from '../audit/audit.ts';
import { withOrderPaymentLock } from '../checkout/order-lock.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import {
  applyTransition,
  canMoveOrder,
  IllegalStatusChangeError,
  staffOrderStatuses,
} from './lifecycle.ts';

/** Statuses before shipping: cancelling from these puts the goods back in stock. */
const unshipped: readonly OrderStatus[] = ['PAYMENT_INCOMPLETE', 'NEW', 'PROCESSING', 'ON_HOLD'];

/** The statuses the merchant may set on this order now. */
export function statusChangesFor(order: Pick<Order, 'status'>): OrderStatus[] {
  return staffOrderStatuses.filter((to) => canMoveOrder(order.status, to));
}

async function restock(tx: Prisma.TransactionClient, orderId: string) {
  const lines = await tx.orderLine.findMany({ where: { orderId } });
  for (const line of lines) {
    await tx.product.update({
      where: { id: line.productId },
      data: { stock: { increment: line.quantity } },
    });
  }
}

/**
 * 対応状況 changed by the merchant (or an ORDERS_WRITE token). Cancelling is a marker in the
 * shop only — money at PayPal is refunded separately and explicitly — but it returns unshipped
 * goods to stock. A 送信未完 order is cancelled under its payment lock, so it cannot be paid
 * at the same moment.
 */
export async function changeOrderStatus(
  context: Context,
  input: { orderId: string; status: OrderStatus; note?: string | null },
): Promise<string> {
  const order = await context.db.order.findUnique({ where: { id: input.orderId } });
  if (!order) throw new NotFoundError('No order has this id.');
  if (!statusChangesFor(order).includes(input.status)) {
    throw new IllegalStatusChangeError(order.status, input.status);
  }

  const apply = () =>
    context.db.$transaction(async (tx) => {
      const moved = await applyTransition(tx, {
        orderId: order.id,
        from: { status: order.status, paymentStatus: order.paymentStatus },
        to: { status: input.status },
        actor: actorOf(context),
        note: input.note?.trim().slice(0, 500) || undefined,
        data: input.status === 'CANCELLED' ? { cancelledAt: context.services.now() } : {},
      });
      if (!moved) throw new IllegalStatusChangeError(order.status, input.status);
      await audit(tx, {
        actor: actorOf(context),
        action: 'ORDER_STATUS_CHANGED',
        subjectType: 'Order',
        subjectId: order.id,
        changes: { status: { from: order.status, to: input.status } },
      });
      if (input.status === 'CANCELLED' && unshipped.includes(order.status))
        await restock(tx, order.id);
    });

  if (order.status === 'PAYMENT_INCOMPLETE') {
    const outcome = await withOrderPaymentLock(context, order.id, apply);
    if (outcome === 'busy') throw new IllegalStatusChangeError(order.status, input.status);
  } else {
    await apply();
  }
  context.log.info(
    { orderNumber: order.number, from: order.status, to: input.status },
    'order status changed',
  );

  return order.id;
}

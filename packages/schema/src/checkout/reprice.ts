import type { Order, OrderLine, Prisma } from '@wholesale/db/prisma';
import type { Context } from '../context.ts';
import type { TaxRounding } from '../money/totals.ts';
import { computeTotals } from '../money/totals.ts';
import { loadShopRules } from '../settings/shop-settings.ts';
import { OrderNotPayableError } from './errors.ts';

type UnpaidOrder = Order & { lines: OrderLine[] };

const roundings: TaxRounding[] = ['FLOOR', 'ROUND', 'CEIL'];

/**
 * The totals of an unpaid order under another payment fee: the lines at the prices they were
 * sold at, the shipping as charged, and tax rounded the way the order was rounded (the
 * merchant may have changed the setting since), so only the fee and its tax move.
 */
export function totalsWithFee(order: UnpaidOrder, rounding: TaxRounding, paymentFee: number) {
  const priced = (taxRounding: TaxRounding, fee: number) =>
    computeTotals(
      order.lines,
      { taxRounding, shippingFee: order.shipping, freeShippingFrom: null },
      fee,
    );
  const asPlaced =
    [rounding, ...roundings].find(
      (candidate) => priced(candidate, order.paymentFee).tax === order.tax,
    ) ?? rounding;

  return priced(asPlaced, paymentFee);
}

/**
 * Changes the fee of a 送信未完 order whose buyer pays it again with a method that has another
 * fee, before anything is asked of PayPal: the order, PayPal and the email then all carry the
 * same new total. The order's timeline records the change.
 */
export async function repriceForFee(
  context: Context,
  order: UnpaidOrder,
  paymentFee: number,
): Promise<UnpaidOrder> {
  if (paymentFee === order.paymentFee) return order;

  const { taxRounding } = await loadShopRules(context.db);
  const totals = totalsWithFee(order, taxRounding, paymentFee);
  const data = {
    subtotal: totals.subtotal,
    taxBreakdown: totals.taxBreakdown as unknown as Prisma.InputJsonValue,
    tax: totals.tax,
    paymentFee: totals.paymentFee,
    total: totals.total,
  };

  await context.db.$transaction(async (tx) => {
    // Only the order as it was read: a payment or a change that came first wins.
    const changed = await tx.order.updateMany({
      where: {
        id: order.id,
        status: 'PAYMENT_INCOMPLETE',
        paymentStatus: 'UNPAID',
        paymentFee: order.paymentFee,
        total: order.total,
      },
      data,
    });
    if (changed.count === 0) throw new OrderNotPayableError(order.status, order.paymentStatus);

    await tx.orderEvent.create({
      data: {
        orderId: order.id,
        actorType: 'BUYER',
        actorId: context.viewer?.userId ?? null,
        kind: 'PAYMENT_FEE',
        fromValue: String(order.paymentFee),
        toValue: String(totals.paymentFee),
        note: `Total ${order.total} → ${totals.total} ${order.currency}`,
      },
    });
  });

  return { ...order, ...totals, taxBreakdown: totals.taxBreakdown as unknown as Prisma.JsonValue };
}

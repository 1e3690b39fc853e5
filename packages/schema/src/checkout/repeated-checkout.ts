import { expressCheckoutRedirectUrl } from '@wholesale/paypal/nvp';
import type { Context } from '../context.ts';
import { orderInclude } from './order-include.ts';
import { connectForPayment } from './paypal-connection.ts';
import type { PaymentWithOrder } from './paypal-payment.ts';

/**
 * The order an earlier 注文確定 of the same checkout page made, if any, and where its buyer
 * pays: the PayPal page of its open token while it awaits payment, nowhere once it is paid or
 * paid otherwise. So the back button from PayPal, a reload or a retried request never makes a
 * second order of one cart.
 */
export async function repeatedCheckout(
  context: Context,
  memberId: string,
  checkoutKey: string,
): Promise<{ order: PaymentWithOrder['order']; redirectUrl: string | null } | null> {
  const order = await context.db.order.findUnique({
    where: { memberId_checkoutKey: { memberId, checkoutKey } },
    include: orderInclude,
  });
  if (!order) return null;
  if (order.status !== 'PAYMENT_INCOMPLETE' || order.paymentStatus !== 'UNPAID') {
    return { order, redirectUrl: null };
  }

  const open = await context.db.payment.findFirst({
    where: { orderId: order.id, method: 'PAYPAL', status: 'CREATED' },
    orderBy: { createdAt: 'desc' },
  });
  if (!open?.paypalToken) return { order, redirectUrl: null };
  const paypal = await connectForPayment(context);

  return { order, redirectUrl: expressCheckoutRedirectUrl(paypal.checkoutUrl, open.paypalToken) };
}

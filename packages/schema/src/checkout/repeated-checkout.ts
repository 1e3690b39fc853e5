import type { PaymentMethod } from '@wholesale/db/enums';
import { expressCheckoutRedirectUrl } from '@wholesale/paypal/nvp';
import type { Context } from '../context.ts';
import { orderInclude } from './order-include.ts';
import { payOrder } from './pay-order.ts';
import { connectForPayment } from './paypal-connection.ts';
import type { PaymentWithOrder } from './paypal-payment.ts';

type Outcome = { order: PaymentWithOrder['order']; redirectUrl: string | null };

/**
 * The order an earlier 注文確定 with the same checkout key made, if any, and where its buyer
 * pays now. So the back button from PayPal, a reload or a retried request never makes a second
 * order of one cart:
 * - awaiting payment, it is paid as asked: the same PayPal page while its token is open, else
 *   a new PayPal payment or the other method, as paying a 送信未完 order again would;
 * - placed or paid otherwise, it is answered as it is;
 * - cancelled (or expired), it gives the key up, and the cart is ordered anew.
 */
export async function repeatedCheckout(
  context: Context,
  input: { memberId: string; checkoutKey: string; paymentMethod: PaymentMethod },
): Promise<Outcome | null> {
  const { memberId, checkoutKey } = input;
  const order = await context.db.order.findUnique({
    where: { memberId_checkoutKey: { memberId, checkoutKey } },
    include: orderInclude,
  });
  if (!order) return null;
  if (order.status === 'CANCELLED') {
    await context.db.order.updateMany({
      where: { id: order.id, status: 'CANCELLED' },
      data: { checkoutKey: null },
    });
    return null;
  }
  if (order.status !== 'PAYMENT_INCOMPLETE' || order.paymentStatus !== 'UNPAID') {
    return { order, redirectUrl: null };
  }

  const open = await context.db.payment.findFirst({
    where: { orderId: order.id, method: 'PAYPAL', status: 'CREATED' },
    orderBy: { createdAt: 'desc' },
  });
  if (open?.paypalToken && input.paymentMethod === 'PAYPAL') {
    const paypal = await connectForPayment(context);

    return { order, redirectUrl: expressCheckoutRedirectUrl(paypal.checkoutUrl, open.paypalToken) };
  }

  const paid = await payOrder(context, {
    memberId,
    orderId: order.id,
    paymentMethod: input.paymentMethod,
  });
  const now = await context.db.order.findUniqueOrThrow({
    where: { id: order.id },
    include: orderInclude,
  });

  return { order: now, redirectUrl: paid.redirectUrl };
}

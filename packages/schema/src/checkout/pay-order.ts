import type { PaymentMethod } from '@wholesale/db/enums';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { orderReceivedEmail } from '../email/templates.ts';
import { applyTransition } from '../orders/lifecycle.ts';
import { OrderNotFoundError, OrderNotPayableError } from './errors.ts';
import { withOrderPaymentLock } from './order-lock.ts';
import { assertMethodAllowed } from './payment-methods.ts';
import { connectForPayment } from './paypal-connection.ts';
import { paidAtPayPal } from './paypal-payment.ts';
import { beginPayPalPayment } from './paypal-session.ts';
import { repriceForFee } from './reprice.ts';

export interface PayOrderInput {
  memberId: string;
  orderId: string;
  paymentMethod: PaymentMethod;
}

/**
 * Pays a 送信未完 order again: after an expired PayPal session, a cancel at PayPal, or a
 * funding source PayPal would not take. PayPal is asked first whether an earlier token of the
 * order was paid after all; only then is a new PayPal payment started, or the order switched
 * to another allowed method (which makes it 新規注文 with its order email). A method with
 * another fee than the order's changes the order's total first.
 */
export async function payOrder(
  context: Context,
  input: PayOrderInput,
): Promise<{ orderId: string; redirectUrl: string | null }> {
  const order = await context.db.order.findFirst({
    where: { id: input.orderId, memberId: input.memberId },
    include: {
      lines: { orderBy: { position: 'asc' } },
      payments: { where: { method: 'PAYPAL', status: 'CREATED' } },
    },
  });
  if (!order) throw new OrderNotFoundError();
  if (order.status !== 'PAYMENT_INCOMPLETE' || order.paymentStatus !== 'UNPAID') {
    throw new OrderNotPayableError(order.status, order.paymentStatus);
  }
  const allowed = await assertMethodAllowed(
    context.db,
    input.memberId,
    order.lines.map((line) => line.productId),
    input.paymentMethod,
  );

  const needsPayPal = input.paymentMethod === 'PAYPAL' || order.payments.length > 0;
  const paypal = needsPayPal ? await connectForPayment(context) : null;
  const outcome = await withOrderPaymentLock(context, order.id, async () => {
    const earlier = await paidAtPayPal(context, paypal, order, order.payments);
    if (earlier === 'paid') return { orderId: order.id, redirectUrl: null };
    if (earlier === 'unknown') throw new OrderNotPayableError(order.status, order.paymentStatus);

    await context.db.payment.updateMany({
      where: { orderId: order.id, method: 'PAYPAL', status: 'CREATED' },
      data: { status: 'CANCELLED' },
    });
    const priced = await repriceForFee(context, order, allowed.fee);
    if (input.paymentMethod === 'PAYPAL' && paypal) {
      return { orderId: order.id, redirectUrl: await beginPayPalPayment(context, paypal, priced) };
    }

    await switchMethod(context, order.id, input.paymentMethod);
    return { orderId: order.id, redirectUrl: null };
  });
  if (outcome === 'busy') throw new OrderNotPayableError(order.status, order.paymentStatus);

  return outcome;
}

async function switchMethod(context: Context, orderId: string, paymentMethod: PaymentMethod) {
  await context.db.$transaction(async (tx) => {
    await applyTransition(tx, {
      orderId,
      from: { status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' },
      to: { status: 'NEW' },
      actor: { type: 'BUYER', id: context.viewer?.userId ?? null },
      note: `Payment method changed to ${paymentMethod}`,
      data: { paymentMethod },
    });
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { lines: { orderBy: { position: 'asc' } }, member: { include: { user: true } } },
    });
    await enqueueEmail(tx, {
      dedupeKey: `order-received:${order.id}`,
      orderId: order.id,
      to: order.member.user.email,
      ...orderReceivedEmail(
        order,
        context.services.config.storefrontUrl,
        (await tx.paymentMethodSetting.findUnique({ where: { method: paymentMethod } }))
          ?.description,
      ),
    });
  });
  context.services.mail.wake();
}

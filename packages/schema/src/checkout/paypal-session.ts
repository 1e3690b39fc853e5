import { expressCheckoutRedirectUrl, NvpTransportError } from '@wholesale/paypal/nvp';
import type { Context } from '../context.ts';
import type { PayPalConnection } from '../payments/paypal-account.ts';
import { enqueueOrderEvents } from '../webhooks/events.ts';
import { paymentRequestFor } from './order-payment.ts';
import { notePayPalAnswer } from './paypal-connection.ts';
import { payPalErrorFrom, payPalUnreachableError } from './paypal-errors.ts';
import type { PaymentWithOrder } from './paypal-payment.ts';

type OrderToPay = PaymentWithOrder['order'];

/**
 * SetExpressCheckout for an order, as a sale or as an authorization to capture later (the
 * merchant's setting): records the token as a new payment of the order and
 * answers the PayPal page to send the buyer to. Throws a PayPalError when PayPal refuses or
 * does not answer; nothing is recorded then.
 */
export async function beginPayPalPayment(
  context: Context,
  paypal: PayPalConnection,
  order: OrderToPay,
): Promise<string> {
  const base = context.services.config.storefrontUrl;
  const authorizeOnly = paypal.paymentAction === 'AUTHORIZATION';
  let result: Awaited<ReturnType<PayPalConnection['client']['setExpressCheckout']>>;
  try {
    result = await paypal.client.setExpressCheckout({
      payment: {
        ...paymentRequestFor(order, { authorizeOnly }),
        notifyUrl: `${context.services.config.apiPublicUrl}/paypal/ipn`,
      },
      returnUrl: `${base}/checkout/paypal/return`,
      cancelUrl: `${base}/checkout/paypal/cancel`,
      localeCode: 'ja_JP',
    });
  } catch (error) {
    if (!(error instanceof NvpTransportError)) throw error;
    context.log.error(
      { orderNumber: order.number, kind: error.kind },
      'SetExpressCheckout unanswered',
    );
    throw payPalUnreachableError();
  }
  await notePayPalAnswer(context, result.ok ? [] : result.errors, paypal);
  if (!result.ok) {
    context.log.error(
      { orderNumber: order.number, errors: result.errors },
      'SetExpressCheckout refused',
    );
    throw payPalErrorFrom(result.errors);
  }

  await context.db.payment.create({
    data: {
      orderId: order.id,
      method: 'PAYPAL',
      status: 'CREATED',
      amount: order.total,
      currency: order.currency,
      paypalToken: result.value.token,
      // The payment is paid the way it began, whatever the settings say by then.
      authorizeOnly,
    },
  });

  // Announced once PayPal has taken the order (a refused one is withdrawn as if never made);
  // an order paid again after a lost announcement is announced here.
  await enqueueOrderEvents(context.db, ['order.created'], order, order.createdAt);

  return expressCheckoutRedirectUrl(paypal.checkoutUrl, result.value.token);
}

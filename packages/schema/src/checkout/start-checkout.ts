import type { PaymentMethod } from '@wholesale/db/enums';
import type { Prisma } from '@wholesale/db/prisma';
import { expressCheckoutRedirectUrl, NvpTransportError } from '@wholesale/paypal/nvp';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { orderReceivedEmail } from '../email/templates.ts';
import type { PayPalConnection } from '../payments/paypal-account.ts';
import { PayPalNotConfiguredError } from '../payments/paypal-account.ts';
import { loadShopRules } from '../settings/shop-settings.ts';
import {
  InsufficientStockError,
  PaymentMethodNotAllowedError,
  type PayPalError,
} from './errors.ts';
import { paymentRequestFor } from './order-payment.ts';
import { availablePaymentMethods } from './payment-methods.ts';
import { payPalErrorFrom, payPalUnreachableError } from './paypal-errors.ts';
import type { CartLine } from './quote.ts';
import { quoteLines } from './quote.ts';

export interface StartCheckoutInput {
  memberId: string;
  lines: CartLine[];
  paymentMethod: PaymentMethod;
}

const orderInclude = {
  lines: { orderBy: { position: 'asc' } },
  member: { include: { user: true } },
} as const satisfies Prisma.OrderInclude;

/**
 * 注文確定: takes the order and reserves its stock in one transaction. Orders paid by PayPal
 * start as PAYMENT_INCOMPLETE (送信未完) and the buyer is sent to PayPal; other methods are
 * NEW at once and the order-received email goes out.
 */
export async function startCheckout(context: Context, input: StartCheckoutInput) {
  const { db, services } = context;
  const methods = await availablePaymentMethods(db, input.memberId);
  if (!methods.some((available) => available.method === input.paymentMethod)) {
    throw new PaymentMethodNotAllowedError(input.paymentMethod);
  }

  const paypal = input.paymentMethod === 'PAYPAL' ? await connectForCheckout(context) : null;
  const order = await db.$transaction(async (tx) => {
    const quote = await quoteLines(tx, input.lines, await loadShopRules(tx));
    for (const line of quote.lines) {
      const reserved = await tx.product.updateMany({
        where: { id: line.product.id, stock: { gte: line.quantity } },
        data: { stock: { decrement: line.quantity } },
      });
      if (reserved.count === 0) {
        const current = await tx.product.findUniqueOrThrow({ where: { id: line.product.id } });
        throw new InsufficientStockError(line.product.id, current.stock);
      }
    }

    const created = await tx.order.create({
      data: {
        memberId: input.memberId,
        status: paypal ? 'PAYMENT_INCOMPLETE' : 'NEW',
        paymentStatus: 'UNPAID',
        paymentMethod: input.paymentMethod,
        subtotal: quote.subtotal,
        taxBreakdown: quote.taxBreakdown as unknown as Prisma.InputJsonValue,
        tax: quote.tax,
        shipping: quote.shipping,
        total: quote.total,
        lines: {
          create: quote.lines.map(({ product, quantity, amount }, position) => ({
            productId: product.id,
            position,
            productName: product.nameJa,
            productNameEn: product.nameEn,
            sku: product.sku,
            unitPrice: product.price,
            quantity,
            taxRate: product.taxRate,
            amount,
          })),
        },
      },
      include: orderInclude,
    });
    if (!paypal) {
      const email = orderReceivedEmail(created, services.config.storefrontUrl);
      await enqueueEmail(tx, {
        dedupeKey: `order-received:${created.id}`,
        orderId: created.id,
        to: created.member.user.email,
        ...email,
      });
    }

    return created;
  });

  if (!paypal) {
    services.mail.wake();
    return { order, redirectUrl: null };
  }

  const redirectUrl = await sendToPayPal(context, paypal, order);

  return { order, redirectUrl };
}

async function connectForCheckout(context: Context): Promise<PayPalConnection> {
  try {
    return await context.services.paypal(context.db);
  } catch (error) {
    if (!(error instanceof PayPalNotConfiguredError)) throw error;

    context.log.error('PayPal checkout refused: the PayPal API credentials are not set');
    throw payPalErrorFrom([
      { code: '10002', shortMessage: '', longMessage: '', severity: 'Error' },
    ]);
  }
}

type CreatedOrder = Awaited<ReturnType<typeof startCheckout>>['order'];

/**
 * SetExpressCheckout for a new order. When PayPal refuses, the order never reached PayPal:
 * it is withdrawn and its stock released, and the buyer stays at checkout with the cart.
 */
async function sendToPayPal(context: Context, paypal: PayPalConnection, order: CreatedOrder) {
  const { db, services, log } = context;
  const base = services.config.storefrontUrl;
  let failure: PayPalError;
  try {
    const result = await paypal.client.setExpressCheckout({
      payment: paymentRequestFor(order),
      returnUrl: `${base}/checkout/paypal/return`,
      cancelUrl: `${base}/checkout/paypal/cancel`,
      localeCode: 'ja_JP',
    });
    if (result.ok) {
      await db.payment.create({
        data: {
          orderId: order.id,
          method: 'PAYPAL',
          status: 'CREATED',
          amount: order.total,
          currency: order.currency,
          paypalToken: result.value.token,
        },
      });

      return expressCheckoutRedirectUrl(paypal.checkoutUrl, result.value.token);
    }

    log.error({ orderNumber: order.number, errors: result.errors }, 'SetExpressCheckout refused');
    failure = payPalErrorFrom(result.errors);
  } catch (error) {
    if (!(error instanceof NvpTransportError)) throw error;

    log.error({ orderNumber: order.number, kind: error.kind }, 'SetExpressCheckout unanswered');
    failure = payPalUnreachableError();
  }

  await withdrawOrder(context, order);
  throw failure;
}

async function withdrawOrder(context: Context, order: CreatedOrder) {
  await context.db.$transaction(async (tx) => {
    for (const line of order.lines) {
      await tx.product.update({
        where: { id: line.productId },
        data: { stock: { increment: line.quantity } },
      });
    }
    await tx.order.delete({ where: { id: order.id } });
  });
}

import type { PaymentMethod } from '@wholesale/db/enums';
import { Prisma } from '@wholesale/db/prisma';
import type { Context } from '../context.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { orderReceivedEmail } from '../email/templates.ts';
import type { PayPalConnection } from '../payments/paypal-account.ts';
import { loadShopRules } from '../settings/shop-settings.ts';
import { enqueueOrderEvents } from '../webhooks/events.ts';
import { CheckoutTotalChangedError, InsufficientStockError, PayPalError } from './errors.ts';
import { orderInclude } from './order-include.ts';
import { assertMethodAllowed } from './payment-methods.ts';
import { connectForPayment } from './paypal-connection.ts';
import type { PaymentWithOrder } from './paypal-payment.ts';
import { beginPayPalPayment } from './paypal-session.ts';
import type { CartLine } from './quote.ts';
import { quoteLines } from './quote.ts';
import { repeatedCheckout } from './repeated-checkout.ts';

export interface StartCheckoutInput {
  memberId: string;
  lines: CartLine[];
  paymentMethod: PaymentMethod;
  /** The checkout page's key: a repeated 注文確定 answers the order the first one made. */
  checkoutKey?: string | null;
  /** The total the buyer confirmed; another total orders nothing. */
  expectedTotal?: number | null;
}

/**
 * 注文確定: takes the order and reserves its stock in one transaction. Orders paid by PayPal
 * start as PAYMENT_INCOMPLETE (送信未完) and the buyer is sent to PayPal; other methods are
 * NEW at once and the order-received email goes out.
 */
export async function startCheckout(
  context: Context,
  input: StartCheckoutInput,
): Promise<{ order: CreatedOrder; redirectUrl: string | null }> {
  const repeat = input.checkoutKey ? { ...input, checkoutKey: input.checkoutKey } : null;
  const repeated = repeat ? await repeatedCheckout(context, repeat) : null;
  if (repeated) return repeated;

  try {
    return await placeOrder(context, input);
  } catch (error) {
    // Two 注文確定 of one cart at the same moment: the one that lost the race answers the order
    // the other made.
    const sameKey = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
    const winner = sameKey && repeat ? await repeatedCheckout(context, repeat) : null;
    if (winner) return winner;
    throw error;
  }
}

async function placeOrder(
  context: Context,
  input: StartCheckoutInput,
): Promise<{ order: CreatedOrder; redirectUrl: string | null }> {
  const { db, services } = context;
  const { fee } = await assertMethodAllowed(
    db,
    input.memberId,
    input.lines.map((line) => line.productId),
    input.paymentMethod,
  );

  const paypal = input.paymentMethod === 'PAYPAL' ? await connectForPayment(context) : null;
  const order = await db.$transaction(async (tx) => {
    const quote = await quoteLines(tx, input.lines, await loadShopRules(tx), fee);
    if (input.expectedTotal != null && quote.total !== input.expectedTotal) {
      throw new CheckoutTotalChangedError(quote.total);
    }
    // In one order for every cart, so that two checkouts sharing products never deadlock.
    for (const line of [...quote.lines].sort((a, b) => (a.product.id < b.product.id ? -1 : 1))) {
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
        checkoutKey: input.checkoutKey ?? null,
        status: paypal ? 'PAYMENT_INCOMPLETE' : 'NEW',
        paymentStatus: 'UNPAID',
        paymentMethod: input.paymentMethod,
        subtotal: quote.subtotal,
        taxBreakdown: quote.taxBreakdown as unknown as Prisma.InputJsonValue,
        tax: quote.tax,
        shipping: quote.shipping,
        paymentFee: quote.paymentFee,
        total: quote.total,
        events: {
          create: {
            actorType: 'BUYER',
            actorId: context.viewer?.userId ?? null,
            kind: 'PLACED',
            toValue: paypal ? 'PAYMENT_INCOMPLETE' : 'NEW',
          },
        },
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
      await enqueueOrderEvents(tx, ['order.created'], created, created.createdAt);
      const setting = await tx.paymentMethodSetting.findUnique({
        where: { method: input.paymentMethod },
      });
      const email = orderReceivedEmail(
        created,
        services.config.storefrontUrl,
        setting?.description,
      );
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

type CreatedOrder = PaymentWithOrder['order'];

/**
 * Sends a new order to PayPal. When PayPal refuses, the order never reached PayPal: it is
 * withdrawn and its stock released, and the buyer stays at checkout with the cart.
 */
async function sendToPayPal(context: Context, paypal: PayPalConnection, order: CreatedOrder) {
  try {
    return await beginPayPalPayment(context, paypal, order);
  } catch (error) {
    if (error instanceof PayPalError) await withdrawOrder(context, order);
    throw error;
  }
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

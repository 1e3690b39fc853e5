import type { OrderStatus, PaymentStatus } from '@wholesale/db/enums';
import { Prisma } from '@wholesale/db/prisma';
import type { Context } from '../context.ts';

const lockMs = 2 * 60 * 1000;

/** Which orders a lock may be taken on: those waiting for their money, or those with some. */
const lockable = {
  awaitingPayment: { status: ['PAYMENT_INCOMPLETE'], paymentStatus: ['UNPAID'] },
  refundable: {
    status: ['NEW', 'PROCESSING', 'ON_HOLD', 'SHIPPED', 'COMPLETED', 'CANCELLED'],
    paymentStatus: ['PAID', 'PARTIALLY_REFUNDED'],
  },
  /** A PayPal authorization to capture or void: the money is held, not yet taken. */
  authorized: {
    status: ['NEW', 'PROCESSING', 'ON_HOLD', 'SHIPPED', 'COMPLETED'],
    paymentStatus: ['PENDING'],
  },
} satisfies Record<string, { status: OrderStatus[]; paymentStatus: PaymentStatus[] }>;

/**
 * Runs `work` while holding the order's payment lock, or answers `busy` when another request
 * holds it or the order is not in a state the work applies to. The lock is a timestamp set by
 * a conditional update, so it works the same on PGlite and across API instances on
 * PostgreSQL, and expires by itself when its holder dies mid-payment. Raw SQL keeps the lock
 * out of `updatedAt`, which integrators poll for real changes.
 */
export async function withOrderLock<T>(
  context: Context,
  orderId: string,
  purpose: keyof typeof lockable,
  work: () => Promise<T>,
): Promise<T | 'busy'> {
  const now = context.services.now();
  const { status, paymentStatus } = lockable[purpose];
  const claimed = await context.db.$executeRaw`
    UPDATE "Order" SET "paymentLockedUntil" = ${new Date(now.getTime() + lockMs)}
    WHERE id = ${orderId}
      AND status::text IN (${Prisma.join(status)})
      AND "paymentStatus"::text IN (${Prisma.join(paymentStatus)})
      AND ("paymentLockedUntil" IS NULL OR "paymentLockedUntil" < ${now})`;
  if (claimed === 0) return 'busy';

  try {
    return await work();
  } finally {
    await context.db
      .$executeRaw`UPDATE "Order" SET "paymentLockedUntil" = NULL WHERE id = ${orderId}`;
  }
}

/** The lock for taking an order's money: only while it is 送信未完 and unpaid. */
export function withOrderPaymentLock<T>(
  context: Context,
  orderId: string,
  work: () => Promise<T>,
): Promise<T | 'busy'> {
  return withOrderLock(context, orderId, 'awaitingPayment', work);
}

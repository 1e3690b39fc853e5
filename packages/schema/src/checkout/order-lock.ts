import type { Context } from '../context.ts';

const lockMs = 2 * 60 * 1000;

/**
 * Runs `work` while holding the order's payment lock, or answers `busy` when another request
 * holds it or the order is no longer waiting for its money. The lock is a timestamp set by a
 * conditional update, so it works the same on PGlite and across API instances on PostgreSQL,
 * and expires by itself when its holder dies mid-payment. Raw SQL keeps the lock out of
 * `updatedAt`, which integrators poll for real changes.
 */
export async function withOrderPaymentLock<T>(
  context: Context,
  orderId: string,
  work: () => Promise<T>,
): Promise<T | 'busy'> {
  const now = context.services.now();
  const claimed = await context.db.$executeRaw`
    UPDATE "Order" SET "paymentLockedUntil" = ${new Date(now.getTime() + lockMs)}
    WHERE id = ${orderId} AND status = 'PAYMENT_INCOMPLETE' AND "paymentStatus" = 'UNPAID'
      AND ("paymentLockedUntil" IS NULL OR "paymentLockedUntil" < ${now})`;
  if (claimed === 0) return 'busy';

  try {
    return await work();
  } finally {
    await context.db
      .$executeRaw`UPDATE "Order" SET "paymentLockedUntil" = NULL WHERE id = ${orderId}`;
  }
}

import type { PrismaClient } from '@wholesale/db/client';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../errors.ts';

export class TooManyAttemptsError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', `Too many failed log-ins; try again in ${retryAfterSeconds} s.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Failed log-ins per account (10 in 15 minutes) and per client address (50 in 15 minutes),
 * counted in the database, so every API instance counts against the same limit and a restart
 * forgets nothing. A success clears the account's count.
 */
export function createLoginThrottle(db: PrismaClient) {
  const counter = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({
      storeClient: db,
      tableName: 'rateLimit',
      keyPrefix,
      points,
      duration: 15 * 60,
      // Expired counts are cleared by the shop's own job (clearExpiredRateLimits), which logs
      // as the API does; the library's timer would print to the console in every instance.
      clearExpiredByTimeout: false,
    });
  const byAccount = counter('login-account', 10);
  const byAddress = counter('login-address', 50);

  const blocked = async (limiter: RateLimiterAbstract, key: string) => {
    const state = await limiter.get(key);
    if (state && state.consumedPoints >= limiter.points) {
      throw new TooManyAttemptsError(Math.ceil(state.msBeforeNext / 1000));
    }
  };

  return {
    async check(email: string, address: string | null) {
      await blocked(byAccount, email);
      if (address) await blocked(byAddress, address);
    },
    async failed(email: string, address: string | null) {
      const count = (limiter: RateLimiterAbstract, key: string) =>
        limiter.consume(key).catch((rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
        });
      await count(byAccount, email);
      if (address) await count(byAddress, address);
    },
    async succeeded(email: string) {
      await byAccount.delete(email);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** Deletes rate-limit counts that expired over an hour ago (log-in and API-token limits). */
export async function clearExpiredRateLimits(db: PrismaClient): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({
    where: { expire: { lt: new Date(Date.now() - 60 * 60 * 1000) } },
  });

  return count;
}

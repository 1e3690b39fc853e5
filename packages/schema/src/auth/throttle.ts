import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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
 * counted on this API instance. A success clears the account's count.
 */
export function createLoginThrottle() {
  const byAccount = new RateLimiterMemory({ points: 10, duration: 15 * 60 });
  const byAddress = new RateLimiterMemory({ points: 50, duration: 15 * 60 });

  const blocked = async (limiter: RateLimiterMemory, key: string) => {
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
      const count = (limiter: RateLimiterMemory, key: string) =>
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

import type { SandboxContext } from './context.ts';
import { fault } from './fault.ts';
import type { Checkout, Payer } from './state.ts';

/** PayPal's tokens stop working three hours after SetExpressCheckout. */
export const TOKEN_LIFETIME_MS = 3 * 60 * 60 * 1000;

export function isExpired(ctx: SandboxContext, checkout: Checkout): boolean {
  return ctx.now() >= checkout.expiresAt;
}

/** The checkout behind a TOKEN field, or the PayPal error for why there is none. */
export function findCheckout(
  ctx: SandboxContext,
  token: string | undefined,
  merchant: string,
): Checkout {
  if (token === undefined || token === '') throw fault('10408');

  const checkout = ctx.state.checkouts.get(token);
  if (checkout === undefined) throw fault('10410');
  if (checkout.merchant !== merchant) throw fault('10409');
  if (isExpired(ctx, checkout)) throw fault('10411');

  return checkout;
}

export type CheckoutProblem = 'unknown' | 'expired' | 'completed';

export function checkoutProblem(ctx: SandboxContext, token: string): CheckoutProblem | undefined {
  const checkout = ctx.state.checkouts.get(token);
  if (checkout === undefined) return 'unknown';
  if (isExpired(ctx, checkout)) return 'expired';
  if (checkout.status === 'PaymentActionCompleted') return 'completed';

  return undefined;
}

/** Adds parameters to a URL without re-encoding the query string it already has. */
export function appendQuery(url: string, params: Record<string, string>): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const query = new URLSearchParams(params).toString();
  const separator = base.includes('?')
    ? base.endsWith('?') || base.endsWith('&')
      ? ''
      : '&'
    : '?';

  return `${base}${separator}${query}${hash}`;
}

/** Records the buyer's approval and returns where PayPal would send them back. */
export function approveCheckout(checkout: Checkout, payer: Payer): string {
  checkout.payer = payer;

  return appendQuery(checkout.returnUrl, { token: checkout.token, PayerID: payer.payerId });
}

export function cancelUrlFor(checkout: Checkout): string {
  return appendQuery(checkout.cancelUrl, { token: checkout.token });
}

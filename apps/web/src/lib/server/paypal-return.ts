import type { RequestEvent } from '@sveltejs/kit';
import { cookieOptions } from '$lib/server/cookie-options';

const name = 'paypal-return';

/**
 * PayPal's return and cancel URLs are plain GETs that a buyer may reload. Once a token has been
 * settled, the order number is remembered for a day so a reload shows the order instead of
 * settling the token again.
 */
export function rememberSettledToken(event: RequestEvent, token: string, orderNumber: string) {
  event.cookies.set(name, JSON.stringify({ token, orderNumber }), {
    ...cookieOptions(event),
    path: '/checkout/paypal',
    maxAge: 60 * 60 * 24,
  });
}

export function settledOrderNumber(event: RequestEvent, token: string): string | null {
  try {
    const value: unknown = JSON.parse(event.cookies.get(name) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const settled = value as { token?: unknown; orderNumber?: unknown };

    return settled.token === token && typeof settled.orderNumber === 'string'
      ? settled.orderNumber
      : null;
  } catch {
    return null;
  }
}

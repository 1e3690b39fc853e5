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

const payingAgain = 'paypal-pay-again';

function tokenOf(redirectUrl: string): string | null {
  try {
    return new URL(redirectUrl).searchParams.get('token');
  } catch {
    return null;
  }
}

/**
 * An order paid again from the order history did not come from the cart, so coming back from
 * PayPal must not empty a cart the buyer has filled since. The pay page remembers the token it
 * sends the buyer to PayPal with, for the return and cancel pages to recognise.
 */
export function rememberPayAgainToken(event: RequestEvent, redirectUrl: string) {
  const token = tokenOf(redirectUrl);
  if (!token) return;

  event.cookies.set(payingAgain, token, {
    ...cookieOptions(event),
    path: '/checkout/paypal',
    maxAge: 60 * 60 * 24,
  });
}

/** Whether the order of this token left the cart when it was placed. */
export function cameFromCart(event: RequestEvent, token: string): boolean {
  return event.cookies.get(payingAgain) !== token;
}

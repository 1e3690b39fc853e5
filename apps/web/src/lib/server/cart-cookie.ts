import type { RequestEvent } from '@sveltejs/kit';
import { type Cart, parseCart } from '$lib/cart';
import { cookieOptions } from '$lib/server/cookie-options';

const name = 'cart';
const thirtyDays = 60 * 60 * 24 * 30;

export function readCart(event: RequestEvent): Cart {
  return parseCart(event.cookies.get(name));
}

export function writeCart(event: RequestEvent, cart: Cart): void {
  if (Object.keys(cart).length === 0) {
    clearCart(event);
    return;
  }

  event.cookies.set(name, JSON.stringify(cart), { ...cookieOptions(event), maxAge: thirtyDays });
}

export function clearCart(event: RequestEvent): void {
  event.cookies.delete(name, cookieOptions(event));
}

import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { type Cart, parseCart } from '$lib/cart';
import { cookieOptions } from '$lib/server/cookie-options';

const name = 'cart';
const keyName = 'checkout-key';
const thirtyDays = 60 * 60 * 24 * 30;

export function readCart(event: RequestEvent): Cart {
  return parseCart(event.cookies.get(name));
}

export function writeCart(event: RequestEvent, cart: Cart): void {
  if (Object.keys(cart).length === 0) {
    clearCart(event);
    return;
  }

  event.cookies.delete(keyName, cookieOptions(event));
  event.cookies.set(name, JSON.stringify(cart), { ...cookieOptions(event), maxAge: thirtyDays });
}

export function clearCart(event: RequestEvent): void {
  event.cookies.delete(name, cookieOptions(event));
  event.cookies.delete(keyName, cookieOptions(event));
}

/**
 * The key of the cart as it is being ordered, sent with 注文確定 so that sending it again (the
 * back button from PayPal, a reload, a double submit) finds the order already made. Made on
 * first use; any change to the cart gives it up, so a changed cart is a new order.
 */
export function checkoutKey(event: RequestEvent): string {
  const kept = event.cookies.get(keyName);
  if (kept && /^[\w-]{1,100}$/.test(kept)) return kept;

  const key = randomUUID();
  event.cookies.set(keyName, key, { ...cookieOptions(event), maxAge: thirtyDays });

  return key;
}

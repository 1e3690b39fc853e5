import { localId } from '$lib/global-id';

/** The cart cookie's content: product id → quantity. */
export type Cart = Record<string, number>;

export const MAX_QUANTITY = 9999;
export const MAX_LINES = 50;

const productIdPattern = /^[\w:=+/-]{1,100}$/;

function isQuantity(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_QUANTITY;
}

/** Reads the cookie value; anything malformed is dropped rather than trusted. */
export function parseCart(raw: string | undefined): Cart {
  if (!raw) return {};

  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};

  const cart: Cart = {};
  for (const [productId, quantity] of Object.entries(parsed).slice(0, MAX_LINES)) {
    if (productIdPattern.test(productId) && isQuantity(quantity)) cart[productId] = quantity;
  }

  return cart;
}

/** Parses a form field as a quantity; null when it is not a whole number in range. */
export function parseQuantity(value: FormDataEntryValue | null): number | null {
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) return null;
  const quantity = Number(value.trim());

  return isQuantity(quantity) ? quantity : null;
}

export function isProductId(value: FormDataEntryValue | null): value is string {
  return typeof value === 'string' && productIdPattern.test(value);
}

/** A product's global id as the API hands it out: anything else the API would refuse. */
export function isProductGlobalId(value: FormDataEntryValue | null): value is string {
  return isProductId(value) && Boolean(localId('Product', value));
}

/**
 * The lines whose product id the API can read, and how many were not: a cookie edited by hand,
 * or left from another shop on this address, must not keep the cart from showing.
 */
export function readableLines(cart: Cart): { cart: Cart; dropped: number } {
  const kept = Object.entries(cart).filter(([productId]) => isProductGlobalId(productId));

  return { cart: Object.fromEntries(kept), dropped: Object.keys(cart).length - kept.length };
}

export function addToCart(cart: Cart, productId: string, quantity: number): Cart {
  const total = Math.min((cart[productId] ?? 0) + quantity, MAX_QUANTITY);

  return { ...cart, [productId]: total };
}

export function setQuantity(cart: Cart, productId: string, quantity: number): Cart {
  if (!(productId in cart)) return cart;

  return { ...cart, [productId]: quantity };
}

export function removeFromCart(cart: Cart, productId: string): Cart {
  const { [productId]: _removed, ...rest } = cart;

  return rest;
}

export function cartLines(cart: Cart): { productId: string; quantity: number }[] {
  return Object.entries(cart).map(([productId, quantity]) => ({ productId, quantity }));
}

export function cartCount(cart: Cart): number {
  return Object.values(cart).reduce((sum, quantity) => sum + quantity, 0);
}

import { describe, expect, it } from 'vitest';
import {
  addToCart,
  cartCount,
  cartLines,
  isProductGlobalId,
  MAX_QUANTITY,
  parseCart,
  parseQuantity,
  readableLines,
  removeFromCart,
  setQuantity,
} from './cart';

describe('parseCart', () => {
  it('reads product ids and quantities from the cookie', () => {
    expect(parseCart('{"UHJvZHVjdDox":3,"UHJvZHVjdDoy":1}')).toEqual({
      UHJvZHVjdDox: 3,
      UHJvZHVjdDoy: 1,
    });
  });

  it('treats a missing or malformed cookie as an empty cart', () => {
    expect(parseCart(undefined)).toEqual({});
    expect(parseCart('not json')).toEqual({});
    expect(parseCart('[1,2]')).toEqual({});
    expect(parseCart('null')).toEqual({});
    expect(parseCart('"text"')).toEqual({});
  });

  it('drops lines whose quantity is not a whole number in range', () => {
    const raw = JSON.stringify({ a: 0, b: -2, c: 1.5, d: '3', e: MAX_QUANTITY + 1, f: 2 });

    expect(parseCart(raw)).toEqual({ f: 2 });
  });

  it('drops product ids that could not have come from the API', () => {
    expect(
      parseCart(JSON.stringify({ '<script>': 1, '': 1, ['x'.repeat(101)]: 1, ok: 1 })),
    ).toEqual({
      ok: 1,
    });
  });
});

describe('parseQuantity', () => {
  it('accepts whole numbers from 1 to the maximum', () => {
    expect(parseQuantity('1')).toBe(1);
    expect(parseQuantity(' 12 ')).toBe(12);
    expect(parseQuantity(String(MAX_QUANTITY))).toBe(MAX_QUANTITY);
  });

  it('refuses anything else', () => {
    for (const value of ['0', '-1', '1.5', '1e3', '', 'abc', String(MAX_QUANTITY + 1)]) {
      expect(parseQuantity(value)).toBeNull();
    }
    expect(parseQuantity(null)).toBeNull();
  });
});

describe('cart changes', () => {
  it('adds to an existing line and caps the quantity', () => {
    expect(addToCart({ a: 2 }, 'a', 3)).toEqual({ a: 5 });
    expect(addToCart({ a: MAX_QUANTITY - 1 }, 'a', 5)).toEqual({ a: MAX_QUANTITY });
  });

  it('sets the quantity only of a line that is in the cart', () => {
    expect(setQuantity({ a: 2 }, 'a', 7)).toEqual({ a: 7 });
    expect(setQuantity({ a: 2 }, 'b', 7)).toEqual({ a: 2 });
  });

  it('removes a line', () => {
    expect(removeFromCart({ a: 2, b: 1 }, 'a')).toEqual({ b: 1 });
  });

  it('lists the lines for checkoutQuote and counts the items', () => {
    expect(cartLines({ a: 2, b: 1 })).toEqual([
      { productId: 'a', quantity: 2 },
      { productId: 'b', quantity: 1 },
    ]);
    expect(cartCount({ a: 2, b: 1 })).toBe(3);
  });
});

describe('readableLines', () => {
  const tea = Buffer.from('Product:1').toString('base64');
  const member = Buffer.from('Member:1').toString('base64');

  it('keeps the lines whose id is a product global id, and counts the others', () => {
    expect(readableLines({ [tea]: 2, garbage: 1, [member]: 3 })).toEqual({
      cart: { [tea]: 2 },
      dropped: 2,
    });
  });

  it('tells a product global id from a tampered one', () => {
    expect(isProductGlobalId(tea)).toBe(true);
    expect(isProductGlobalId('garbage')).toBe(false);
    expect(isProductGlobalId(Buffer.from('Product:').toString('base64'))).toBe(false);
  });
});

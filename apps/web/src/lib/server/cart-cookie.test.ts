import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { checkoutKey, clearCart, writeCart } from './cart-cookie';

/** A request's cookies, kept across the calls of a test as a browser would keep them. */
function browser() {
  const jar = new Map<string, string>();
  const event = {
    url: new URL('http://localhost:3000/checkout'),
    cookies: {
      get: (name: string) => jar.get(name),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    },
  } as unknown as RequestEvent;

  return { event, jar };
}

describe('the key of the cart being ordered', () => {
  it('stays the same while the cart does, so 注文確定 sent again finds its order', () => {
    const { event } = browser();
    writeCart(event, { UHJvZHVjdDox: 2 });

    const first = checkoutKey(event);
    expect(first).toMatch(/^[\w-]{36}$/);
    expect(checkoutKey(event)).toBe(first);
  });

  it('is given up when the cart changes or is emptied', () => {
    const { event, jar } = browser();
    writeCart(event, { UHJvZHVjdDox: 2 });
    const first = checkoutKey(event);

    writeCart(event, { UHJvZHVjdDox: 3 });
    const second = checkoutKey(event);
    expect(second).not.toBe(first);

    clearCart(event);
    expect(jar.has('checkout-key')).toBe(false);
  });

  it('replaces a key that is not one it made', () => {
    const { event, jar } = browser();
    jar.set('checkout-key', '<script>');

    expect(checkoutKey(event)).toMatch(/^[\w-]{36}$/);
  });
});

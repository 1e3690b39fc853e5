import { cartCount } from '$lib/cart';
import { getLocale } from '$lib/paraglide/runtime';
import { readCart } from '$lib/server/cart-cookie';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  const { viewer, apiReachable } = event.locals;

  return {
    viewer,
    apiReachable,
    locale: getLocale(),
    cartCount: viewer?.role === 'MEMBER' ? cartCount(readCart(event)) : 0,
  };
};

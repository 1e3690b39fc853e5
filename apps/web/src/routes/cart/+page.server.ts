import { fail } from '@sveltejs/kit';
import {
  cartLines,
  isProductGlobalId,
  isProductId,
  parseQuantity,
  readableLines,
  removeFromCart,
  setQuantity,
} from '$lib/cart';
import { queryOrFailure } from '$lib/graphql/client';
import { CheckoutQuoteQuery } from '$lib/graphql/quote';
import { m } from '$lib/paraglide/messages';
import { clearCart, readCart, writeCart } from '$lib/server/cart-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { cart, dropped } = readableLines(readCart(event));
  if (dropped > 0) writeCart(event, cart);
  const dropNote = dropped > 0 ? m.cart_lines_dropped() : null;
  const lines = cartLines(cart);
  if (lines.length === 0) return { quote: null, quoteFailed: null, shippingRule: null, dropNote };

  const { data, failure } = await queryOrFailure(event, CheckoutQuoteQuery, { lines });
  if (failure !== null) {
    return { quote: null, quoteFailed: m.quote_failed(), shippingRule: null, dropNote };
  }
  const quote = data.checkoutQuote;
  // The cookie keeps to the API's limits on lines and quantities, so a refusal means that a
  // product in the cart is no longer sold.
  if (quote.__typename !== 'CheckoutQuote') {
    return { quote: null, quoteFailed: m.quote_failed(), shippingRule: null, dropNote };
  }

  return { quote, quoteFailed: null, shippingRule: data.shopSettings, dropNote };
};

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const productId = form.get('productId');
    const quantity = parseQuantity(form.get('quantity'));
    if (!isProductGlobalId(productId)) return fail(400, { error: m.unknown_product() });
    if (quantity === null) return fail(400, { error: m.invalid_quantity() });

    writeCart(event, setQuantity(readCart(event), productId, quantity));

    return { updated: true };
  },

  remove: async (event) => {
    const form = await event.request.formData();
    const productId = form.get('productId');
    if (!isProductId(productId)) return fail(400, { error: m.unknown_product() });

    writeCart(event, removeFromCart(readCart(event), productId));

    return { updated: true };
  },

  clear: async (event) => {
    clearCart(event);

    return { updated: true };
  },
};

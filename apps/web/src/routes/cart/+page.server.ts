import { fail } from '@sveltejs/kit';
import { cartLines, isProductId, parseQuantity, removeFromCart, setQuantity } from '$lib/cart';
import { queryOrFailure } from '$lib/graphql/client';
import { CheckoutQuoteQuery } from '$lib/graphql/quote';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { clearCart, readCart, writeCart } from '$lib/server/cart-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const lines = cartLines(readCart(event));
  if (lines.length === 0) return { quote: null, quoteFailed: null, shippingRule: null };

  const { data, failure } = await queryOrFailure(event, CheckoutQuoteQuery, { lines });
  if (failure !== null) return { quote: null, quoteFailed: failure, shippingRule: null };
  const quote = data.checkoutQuote;
  if (quote.__typename !== 'CheckoutQuote') {
    return { quote: null, quoteFailed: errorText(quote), shippingRule: null };
  }

  return { quote, quoteFailed: null, shippingRule: data.shopSettings };
};

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const productId = form.get('productId');
    const quantity = parseQuantity(form.get('quantity'));
    if (!isProductId(productId)) return fail(400, { error: m.unknown_product() });
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

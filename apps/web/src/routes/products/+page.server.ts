import { error, fail } from '@sveltejs/kit';
import { addToCart, isProductGlobalId, parseQuantity } from '$lib/cart';
import { query, queryOrFailure } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { productName } from '$lib/labels';
import { pageArgs } from '$lib/pagination';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { readCart, writeCart } from '$lib/server/cart-cookie';
import type { Actions, PageServerLoad } from './$types';

const Products = graphql(`
  query Products($first: Int, $after: String, $last: Int, $before: String) {
    products(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          sku
          name
          nameEn
          price { amount currency }
          priceWithTax { amount currency }
          taxRate
          stock
        }
      }
    }
  }
`);

const Product = graphql(`
  query Product($id: ID!) {
    product(id: $id) { id name nameEn }
  }
`);

export const load: PageServerLoad = async (event) => {
  const paged = await queryOrFailure(event, Products, pageArgs(event.url, 50));
  if (paged.failure === null) return { products: paged.data.products, pageReset: null };

  // A cursor the API cannot read (an old or edited link) shows the first page, not an error.
  const hasCursor = event.url.searchParams.has('after') || event.url.searchParams.has('before');
  if (!hasCursor) error(502, paged.failure);
  const { products } = await query(
    event,
    Products,
    pageArgs(new URL(event.url.pathname, event.url), 50),
  );

  return { products, pageReset: m.page_reset() };
};

export const actions: Actions = {
  add: async (event) => {
    const form = await event.request.formData();
    const productId = form.get('productId');
    const quantity = parseQuantity(form.get('quantity'));
    if (!isProductGlobalId(productId)) {
      return fail(400, { productId: null, error: m.unknown_product() });
    }
    if (quantity === null) return fail(400, { productId, error: m.invalid_quantity() });

    const { product } = await query(event, Product, { id: productId });
    if (!product) return fail(404, { productId, error: m.unknown_product() });

    writeCart(event, addToCart(readCart(event), productId, quantity));

    return {
      productId,
      added: m.added_to_cart({ name: productName(product, getLocale()), quantity }),
    };
  },
};

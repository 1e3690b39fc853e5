import { error } from '@sveltejs/kit';
import { auditPath } from '$lib/global-id';
import { mutate, query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { m } from '$lib/paraglide/messages';
import { readProductForm } from '$lib/product-form';
import { ProductFields } from '../product-fields';
import { refused, unreadable } from '../refusal';
import type { Actions, PageServerLoad } from './$types';

const Product = graphql(
  `
  query AdminProduct($id: ID!) {
    product(id: $id) { ...ProductFields }
  }
`,
  [ProductFields],
);

const UpdateProduct = graphql(
  `
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      __typename
      ... on ProductPayload { product { ...ProductFields } }
      ... on ValidationError { code message field }
      ... on NotFoundError { code message }
    }
  }
`,
  [ProductFields],
);

export const load: PageServerLoad = async (event) => {
  const { product } = await query(event, Product, { id: event.params.id });
  if (!product) error(404, m.error_not_found());

  return {
    product,
    auditPath: auditPath('Product', product.id),
    created: event.url.searchParams.has('created'),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { entered, input, invalid } = readProductForm(await event.request.formData());
    if (!input) return unreadable(entered, invalid);

    const { updateProduct: result } = await mutate(event, UpdateProduct, {
      input: { id: event.params.id, ...input },
    });
    if (result.__typename === 'NotFoundError') error(404, m.error_not_found());
    if (result.__typename !== 'ProductPayload') return refused(entered, result);

    return { saved: true };
  },
};

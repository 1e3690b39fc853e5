import { redirect } from '@sveltejs/kit';
import { mutate } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { readProductForm } from '$lib/product-form';
import { refused, unreadable } from '../refusal';
import type { Actions } from './$types';

const CreateProduct = graphql(`
  mutation CreateProduct($input: ProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on ProductPayload { product { id } }
      ... on ValidationError { code message field }
    }
  }
`);

export const actions: Actions = {
  default: async (event) => {
    const { entered, input, invalid } = readProductForm(await event.request.formData());
    if (!input) return unreadable(entered, invalid);

    const { createProduct: result } = await mutate(event, CreateProduct, { input });
    if (result.__typename !== 'ProductPayload') return refused(entered, result);

    redirect(303, `/admin/products/${encodeURIComponent(result.product.id)}?created=1`);
  },
};

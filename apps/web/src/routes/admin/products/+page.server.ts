import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { pageArgs } from '$lib/pagination';
import type { PageServerLoad } from './$types';
import { ProductFields } from './product-fields';

const Products = graphql(
  `
  query AdminProducts($first: Int, $after: String, $last: Int, $before: String) {
    products(first: $first, after: $after, last: $last, before: $before, includeHidden: true) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node { ...ProductFields }
      }
    }
  }
`,
  [ProductFields],
);

export const load: PageServerLoad = async (event) => {
  const { products } = await query(event, Products, pageArgs(event.url, 50));

  return { products };
};

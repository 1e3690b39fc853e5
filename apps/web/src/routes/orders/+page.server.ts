import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { pageArgs } from '$lib/pagination';
import type { PageServerLoad } from './$types';

const MyOrders = graphql(`
  query MyOrders($first: Int, $after: String, $last: Int, $before: String) {
    orders(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          number
          createdAt
          status
          paymentStatus
          paymentMethod
          total { amount currency }
        }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const { orders } = await query(event, MyOrders, pageArgs(event.url, 20));

  return { orders };
};

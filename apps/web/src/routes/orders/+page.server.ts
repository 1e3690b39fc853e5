import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { pageCursor } from '$lib/pagination';
import type { PageServerLoad } from './$types';

const MyOrders = graphql(`
  query MyOrders($first: Int!, $after: String) {
    orders(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
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
  const { orders } = await query(event, MyOrders, { first: 20, after: pageCursor(event.url) });

  return { orders };
};

import { query } from '$lib/graphql/client';
import { graphql, type OrderStatus } from '$lib/graphql/graphql';
import { pageArgs } from '$lib/pagination';
import type { PageServerLoad } from './$types';

const Orders = graphql(`
  query AdminOrders(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: OrderFilter
  ) {
    orders(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          member { id companyName }
        }
      }
    }
  }
`);

const statuses: OrderStatus[] = [
  'NEW',
  'PAYMENT_INCOMPLETE',
  'PROCESSING',
  'ON_HOLD',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
];

export const load: PageServerLoad = async (event) => {
  const wanted = event.url.searchParams.get('status') as OrderStatus | null;
  const status = wanted && statuses.includes(wanted) ? wanted : null;
  const { orders } = await query(event, Orders, {
    ...pageArgs(event.url, 20),
    filter: status ? { status: [status] } : null,
  });

  return { orders, status, statuses };
};

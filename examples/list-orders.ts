// An example third-party integration: lists every order changed since a given time, page by
// page, with its status, payment status, lines and totals.
//
//   API_URL=http://127.0.0.1:4000/graphql API_TOKEN=wst_… npx tsx examples/list-orders.ts 2026-12-01T00:00:00Z
//
// The token needs the ORDERS_READ scope (admin → API tokens).
import { GraphQLClient, gql } from 'graphql-request';

const ordersQuery = gql`
  query OrdersUpdatedSince($since: DateTime!, $after: String) {
    orders(first: 50, after: $after, filter: { updatedSince: $since }) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          number
          status
          paymentStatus
          paymentMethod
          companyName
          lines { sku productName quantity unitPrice { amount } amount { amount } taxRate }
          subtotal { amount currency }
          tax { amount }
          shipping { amount }
          total { amount currency }
          updatedAt
        }
      }
    }
  }
`;

export interface ListedOrder {
  number: string;
  status: string;
  paymentStatus: string;
  paymentMethod: string;
  companyName: string;
  lines: { sku: string; productName: string; quantity: number; amount: { amount: number } }[];
  total: { amount: number; currency: string };
  updatedAt: string;
}

interface OrdersPage {
  orders: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ListedOrder }[];
  };
}

export async function listOrdersUpdatedSince(apiUrl: string, token: string, since: Date) {
  const client = new GraphQLClient(apiUrl, { headers: { authorization: `Bearer ${token}` } });
  const orders: ListedOrder[] = [];
  let after: string | null = null;
  do {
    const page: OrdersPage = await client.request<OrdersPage>(ordersQuery, {
      since: since.toISOString(),
      after,
    });
    orders.push(...page.orders.edges.map((edge) => edge.node));
    after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
  } while (after);

  return orders;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000/graphql';
  const token = process.env.API_TOKEN;
  if (!token) {
    process.stderr.write('Set API_TOKEN to a token with the ORDERS_READ scope.\n');
    process.exit(2);
  }
  const since = new Date(process.argv[2] ?? Date.now() - 24 * 60 * 60 * 1000);
  for (const order of await listOrdersUpdatedSince(apiUrl, token, since)) {
    process.stdout.write(
      `${order.number}\t${order.status}\t${order.paymentStatus}\t${order.companyName}\t${order.total.amount} ${order.total.currency}\n`,
    );
  }
}

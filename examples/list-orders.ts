// An example third-party integration: lists every order changed since a given time, oldest
// change first, page by page, with its status, payment status, lines and totals.
//
//   API_URL=http://127.0.0.1:4000/graphql API_TOKEN=wst_… npx tsx examples/list-orders.ts 2026-12-01T00:00:00Z
//
// The token needs the ORDERS_READ scope (admin → API tokens). Without a time, the last 24 hours.
import { GraphQLClient, gql } from 'graphql-request';

// UPDATED lists the least recently changed order first, so the last order listed carries the
// time to start from next run; the newest first default would put it on the first page.
const ordersQuery = gql`
  query OrdersUpdatedSince($since: DateTime!, $after: String) {
    orders(first: 50, after: $after, filter: { updatedSince: $since }, orderBy: UPDATED) {
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
          paymentFee { amount }
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
  subtotal: { amount: number; currency: string };
  tax: { amount: number };
  shipping: { amount: number };
  paymentFee: { amount: number };
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

/** The time given on the command line, or null when it is not one. */
export function sinceArgument(argument: string | undefined, now = new Date()): Date | null {
  if (argument === undefined) return new Date(now.getTime() - 24 * 60 * 60 * 1000);
  // Date.parse also takes forms such as "12/1", whose meaning depends on the machine.
  if (
    !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(argument)
  ) {
    return null;
  }
  const since = new Date(argument);

  return Number.isNaN(since.getTime()) ? null : since;
}

export function orderLine(order: ListedOrder): string {
  const yen = (money: { amount: number }) => String(money.amount);

  return [
    order.updatedAt,
    order.number,
    order.status,
    order.paymentStatus,
    order.paymentMethod,
    order.companyName,
    `subtotal ${yen(order.subtotal)}`,
    `shipping ${yen(order.shipping)}`,
    `fee ${yen(order.paymentFee)}`,
    `tax ${yen(order.tax)}`,
    `total ${yen(order.total)} ${order.total.currency}`,
  ].join('\t');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000/graphql';
  const token = process.env.API_TOKEN;
  const since = sinceArgument(process.argv[2]);
  if (!since) {
    process.stderr.write(
      'Usage: API_TOKEN=wst_… npx tsx examples/list-orders.ts [since, e.g. 2026-12-01T00:00:00Z]\n',
    );
    process.exit(2);
  }
  if (!token) {
    process.stderr.write('Set API_TOKEN to a token with the ORDERS_READ scope.\n');
    process.exit(2);
  }
  for (const order of await listOrdersUpdatedSince(apiUrl, token, since)) {
    process.stdout.write(`${orderLine(order)}\n`);
  }
}

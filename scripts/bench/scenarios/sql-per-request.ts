import { membersPage, ordersPage, storefrontDocument } from '../documents.ts';
import type { RecordedStatement } from '../sql-counter.ts';
import type { ScenarioContext } from './context.ts';

interface Request {
  auth: { session?: string; token?: string };
  query: string;
  variables: Record<string, unknown>;
}

interface Page {
  name: string;
  /** The requests one view of the page makes, for a page of `size` items. */
  requests: (size: number) => Request[];
  sizes: [number, number];
  /** The most statements the page may take, beyond staying the same for both sizes. */
  most?: number;
}

function pages(context: ScenarioContext): Page[] {
  const token = { token: context.token };
  const member = { session: context.memberSession };
  // Every storefront page first asks who is logged in (hooks.server.ts), then loads its data.
  const viewer: Request = {
    auth: member,
    query: storefrontDocument('lib/server/viewer.ts', 'Viewer'),
    variables: {},
  };

  return [
    {
      name: 'orders page (lines, member, payments)',
      requests: (first) => [{ auth: token, query: ordersPage, variables: { first } }],
      sizes: [10, 100],
      most: 5,
    },
    {
      name: 'members page (5 recent orders each)',
      requests: (first) => [{ auth: token, query: membersPage, variables: { first, orders: 5 } }],
      sizes: [10, 100],
    },
    {
      name: 'storefront catalogue /products',
      requests: (first) => [
        viewer,
        {
          auth: member,
          query: storefrontDocument('routes/products/+page.server.ts', 'Products'),
          variables: { first },
        },
      ],
      sizes: [10, 50],
    },
    {
      name: 'storefront order history /orders',
      requests: (first) => [
        viewer,
        {
          auth: member,
          query: storefrontDocument('routes/orders/+page.server.ts', 'MyOrders'),
          variables: { first },
        },
      ],
      sizes: [5, 20],
    },
  ];
}

async function statementsOf(context: ScenarioContext, requests: Request[]) {
  const { product, database } = context;
  // Once unrecorded, so a token's once-a-minute last-used write is not counted as the page's.
  for (const request of requests)
    await product.graphql(request.auth, request.query, request.variables);

  const { result, log } = await database.recorder.record(async () => {
    const answers = [];
    for (const request of requests) {
      answers.push(await product.graphql(request.auth, request.query, request.variables));
    }
    return answers;
  });
  const failed = result.find((answer) => answer.errors?.length);
  if (failed) throw new Error(`The page failed: ${JSON.stringify(failed.errors)}`);

  return log;
}

function describe(log: RecordedStatement[]): string {
  return log
    .map((statement) => {
      const table = /FROM (?:"public"\.)?"(\w+)"/.exec(statement.sql)?.[1];
      return `${table ?? statement.sql.split(/\s/)[0]} (${statement.rows})`;
    })
    .join(', ');
}

/** SQL statements that reach the database for one view of each page, at two page sizes. */
export async function sqlPerRequest(context: ScenarioContext): Promise<void> {
  const lines: string[] = [];
  for (const page of pages(context)) {
    const [small, large] = page.sizes;
    const smallLog = await statementsOf(context, page.requests(small));
    const largeLog = await statementsOf(context, page.requests(large));
    const constant = smallLog.length === largeLog.length;
    const withinMost = page.most === undefined || largeLog.length <= page.most;

    context.results.add({
      scenario: `SQL per request: ${page.name}`,
      database: context.label,
      figure: `${smallLog.length} at ${small}, ${largeLog.length} at ${large}`,
      target: page.most === undefined ? 'constant' : `constant, ≤ ${page.most}`,
      met: constant && withinMost,
    });
    lines.push(`- ${page.name}, ${large} items: ${describe(largeLog)}`);
  }
  context.notes.push(
    `SQL statements per page on ${context.label} (table read, and rows sent back, in order):`,
    ...lines,
  );
}

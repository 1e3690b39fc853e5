import { encodeBase64, encodeCursorTuple } from '@pothos/core';
import type { RecordedStatement } from '../sql-counter.ts';
import { median, ms, timeInTurns } from '../timing.ts';
import type { ScenarioContext } from './context.ts';

const pageSize = 100;

/** Lean on purpose: the lines, members and payments of a page cost the same at any depth. */
const ordersList = `
  query OrdersList($first: Int!, $after: String, $filter: OrderFilter, $orderBy: OrderOrder) {
    orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      pageInfo { hasNextPage endCursor }
      edges { node { id number status total { amount } updatedAt } }
    }
  }`;

interface Listing {
  name: string;
  filter: Record<string, unknown> | null;
  orderBy: 'NEWEST' | 'UPDATED';
  /** The same list in SQL, to find the order a given depth down without paging to it. */
  where: string;
  order: string;
}

const listings: Listing[] = [
  { name: 'newest first', filter: null, orderBy: 'NEWEST', where: 'true', order: 'id DESC' },
  {
    name: 'status COMPLETED',
    filter: { status: ['COMPLETED'] },
    orderBy: 'NEWEST',
    where: `status = 'COMPLETED'`,
    order: 'id DESC',
  },
  {
    name: 'updatedSince, oldest change first',
    filter: { updatedSince: '2025-01-01T00:00:00Z' },
    orderBy: 'UPDATED',
    where: `"updatedAt" >= timestamp '2025-01-01'`,
    order: '"updatedAt", id',
  },
];

/** Pothos's cursor for an order (`cursor: 'updatedAt_id'`): its change time and id. */
const cursorOf = (row: { id: string; updatedAt: Date }) =>
  encodeBase64(`GPC:${encodeCursorTuple([row.updatedAt, row.id])}`);

async function orderAtDepth(context: ScenarioContext, listing: Listing, depth: number) {
  const [row] = await context.database.prisma.$queryRawUnsafe<
    { id: string; updatedAt: Date; total: bigint }[]
  >(
    `SELECT id, "updatedAt", (SELECT count(*) FROM "Order" WHERE ${listing.where}) AS total
     FROM "Order" WHERE ${listing.where} ORDER BY ${listing.order} OFFSET $1 LIMIT 1`,
    depth - 1,
  );

  return row;
}

/** The page's own query: the one that sorts (a cursor's bound is looked up by id first). */
function orderQuery(log: RecordedStatement[]): RecordedStatement | undefined {
  return log.find((statement) =>
    /^SELECT .* FROM "public"\."Order" .*ORDER BY/s.test(statement.sql),
  );
}

async function explain(context: ScenarioContext, statement: RecordedStatement): Promise<string> {
  const rows = await context.database.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement.sql}`,
    ...statement.args,
  );

  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** Page 1 against a page `depth` orders down, for each way third parties list orders. */
export async function deepPages(context: ScenarioContext): Promise<void> {
  const { product, token, database, options } = context;
  for (const listing of listings) {
    const probe = await orderAtDepth(context, listing, 1);
    const matching = Number(probe?.total ?? 0);
    const depth = Math.min(options.depth, matching - pageSize);
    const deepRow = depth > 0 ? await orderAtDepth(context, listing, depth) : undefined;
    if (!deepRow) {
      console.log(`  deep pages: ${listing.name} has ${matching} orders, too few to go deep`);
      continue;
    }

    const variables = { first: pageSize, filter: listing.filter, orderBy: listing.orderBy };
    const fetchPage = (after: string | null) => async () => {
      const answer = await product.graphql({ token }, ordersList, { ...variables, after });
      if (answer.errors?.length || answer.data.orders.edges.length !== pageSize) {
        throw new Error(`The ${listing.name} page failed: ${JSON.stringify(answer.errors)}`);
      }
      return answer.data.orders.edges.map((edge: { node: { id: string } }) => edge.node.id);
    };
    const deepCursor = cursorOf(deepRow);
    // A fast page is worth nothing if it is the wrong one: it starts right after the cursor.
    const next = await orderAtDepth(context, listing, depth + 1);
    const [firstOnPage] = await fetchPage(deepCursor)();
    if (!next || firstOnPage !== Buffer.from(`Order:${next.id}`).toString('base64')) {
      throw new Error(`The ${listing.name} page after the cursor does not start where it should.`);
    }
    const [firstRuns, deepRuns] = await timeInTurns(fetchPage(null), fetchPage(deepCursor), {
      runs: 50,
    });
    const first = median(firstRuns);
    const deep = median(deepRuns);
    const ratio = deep / first;

    context.results.add({
      scenario: `Deep page: ${listing.name}, ${depth.toLocaleString('en')} deep / page 1`,
      database: context.label,
      figure: `${ratio.toFixed(2)}x (${ms(deep)} / ${ms(first)})`,
      target: '≤ 1.3x',
      met: ratio <= 1.3,
    });

    const { log } = await database.recorder.record(fetchPage(deepCursor));
    const statement = orderQuery(log);
    if (!statement) continue;
    context.notes.push(
      `Plan of the ${listing.name} page ${depth.toLocaleString('en')} deep (${context.label}):`,
      '```sql',
      statement.sql,
      '```',
      '```',
      await explain(context, statement),
      '```',
    );
  }
}

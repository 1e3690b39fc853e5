import { ordersPage } from '../documents.ts';
import { median, ms, timeInTurns } from '../timing.ts';
import type { ScenarioContext } from './context.ts';

const pageSize = 100;

/** The same data as `ordersPage`, in the one Prisma call a hand-written endpoint would make. */
function handWritten(context: ScenarioContext) {
  return context.database.prisma.order.findMany({
    take: pageSize + 1,
    orderBy: { id: 'desc' },
    select: {
      id: true,
      number: true,
      status: true,
      paymentStatus: true,
      paymentMethod: true,
      createdAt: true,
      updatedAt: true,
      subtotal: true,
      tax: true,
      shipping: true,
      total: true,
      currency: true,
      member: { select: { id: true, companyName: true } },
      lines: {
        orderBy: { position: 'asc' },
        select: {
          sku: true,
          productName: true,
          unitPrice: true,
          quantity: true,
          taxRate: true,
          amount: true,
        },
      },
      payments: {
        orderBy: { createdAt: 'asc' },
        select: { method: true, status: true, amount: true, paypalTransactionId: true },
      },
    },
  });
}

/** The orders page through the API over loopback HTTP, against the Prisma query alone. */
export async function graphqlOverhead(context: ScenarioContext): Promise<void> {
  const { product, token, database } = context;
  const sql: Record<'api' | 'prisma', number[]> = { api: [], prisma: [] };
  // The database's share of each run, to say where the difference lies.
  const counting = (side: keyof typeof sql, work: () => Promise<unknown>) => async () => {
    const before = database.recorder.busyMs;
    await work();
    sql[side].push(database.recorder.busyMs - before);
  };
  const runs = { runs: 40, warmup: 5 };
  const [api, prisma] = await timeInTurns(
    counting('api', async () => {
      const answer = await product.graphql({ token }, ordersPage, { first: pageSize });
      if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    }),
    counting('prisma', () => handWritten(context)),
    runs,
  );
  const ratio = median(api) / median(prisma);

  context.results.add({
    scenario: `GraphQL overhead: orders(first: ${pageSize}) via HTTP / hand-written Prisma`,
    database: context.label,
    figure: `${ratio.toFixed(2)}x (${ms(median(api))} / ${ms(median(prisma))})`,
    target: '≤ 1.5x',
    met: ratio <= 1.5,
  });
  context.notes.push(
    `GraphQL overhead on ${context.label}: the API request waited a median ` +
      `${ms(median(sql.api))} on the database of its ${ms(median(api))}; the hand-written ` +
      `query ${ms(median(sql.prisma))} of its ${ms(median(prisma))}.`,
  );
}

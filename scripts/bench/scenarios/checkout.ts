import { benchMemberEmail, benchPassword } from '../dataset.ts';
import { median, ms, percentile } from '../timing.ts';
import type { ScenarioContext } from './context.ts';

const startCheckout = `
  mutation Start($input: StartCheckoutInput!) {
    startCheckout(input: $input) {
      __typename
      ... on StartCheckoutPayload { redirectUrl order { id } }
      ... on Error { code message }
    }
  }`;

const completeReturn = `
  mutation Return($input: CompletePayPalReturnInput!) {
    completePayPalReturn(input: $input) {
      __typename
      ... on CompletePayPalReturnPayload { order { status paymentStatus } }
      ... on Error { code message }
    }
  }`;

interface Timings {
  start: number[];
  approve: number[];
  complete: number[];
  total: number[];
  errors: string[];
}

/** A small deterministic generator, so every run buys the same carts. */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

/** The generated catalogue's products, as global ids: carts draw from all of them. */
async function catalogue(context: ScenarioContext): Promise<string[]> {
  const rows = await context.database.prisma.product.findMany({
    where: { sku: { startsWith: 'BN-' } },
    select: { id: true },
    orderBy: { position: 'asc' },
  });

  return rows.map((row) => Buffer.from(`Product:${row.id}`).toString('base64'));
}

/** One buyer: 注文確定 with PayPal, approval at the sandbox, the return; again until `until`. */
async function buyer(
  context: ScenarioContext,
  session: string,
  products: string[],
  seed: number,
  until: number,
  timings: Timings,
) {
  const { product } = context;
  const pick = generator(seed);
  while (performance.now() < until) {
    const lines = [0, 1, 2].map(() => ({
      productId: products[pick(products.length)],
      quantity: 1 + pick(5),
    }));
    const unique = [...new Map(lines.map((line) => [line.productId, line])).values()];
    const began = performance.now();
    const started = await product.graphql({ session }, startCheckout, {
      input: { lines: unique, paymentMethod: 'PAYPAL' },
    });
    const result = started.data?.startCheckout;
    const afterStart = performance.now();
    if (result?.__typename !== 'StartCheckoutPayload') {
      timings.errors.push(JSON.stringify(started.errors ?? result));
      continue;
    }

    const token = new URL(result.redirectUrl).searchParams.get('token');
    const approved = await fetch(`${product.paypalUrl}/sim/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const { returnUrl } = (await approved.json()) as { returnUrl: string };
    const payerId = new URL(returnUrl).searchParams.get('PayerID');
    const afterApprove = performance.now();

    const completed = await product.graphql({ session }, completeReturn, {
      input: { token, payerId },
    });
    const done = performance.now();
    const order = completed.data?.completePayPalReturn?.order;
    if (order?.paymentStatus !== 'PAID') {
      timings.errors.push(JSON.stringify(completed.errors ?? completed.data));
      continue;
    }

    timings.start.push(afterStart - began);
    timings.approve.push(afterApprove - afterStart);
    timings.complete.push(done - afterApprove);
    timings.total.push(done - began);
  }
}

const share = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

async function run(context: ScenarioContext, sessions: string[], products: string[]) {
  const { database, product, options } = context;
  const timings: Timings = { start: [], approve: [], complete: [], total: [], errors: [] };
  const sql = { statements: database.recorder.statements, ms: database.recorder.ms };
  const nvp = { calls: product.nvp.calls, ms: product.nvp.ms };
  const cpu = process.cpuUsage();
  const began = performance.now();
  const until = began + options.checkoutSeconds * 1000;

  await Promise.all(
    sessions.map((session, index) => buyer(context, session, products, index + 1, until, timings)),
  );

  const seconds = (performance.now() - began) / 1000;
  const used = process.cpuUsage(cpu);
  const completed = timings.total.length;
  const buyerMs = timings.total.reduce((sum, value) => sum + value, 0);

  return {
    timings,
    seconds,
    perSecond: completed / seconds,
    completed,
    breakdown: {
      sqlStatements: (database.recorder.statements - sql.statements) / Math.max(completed, 1),
      sqlMs: database.recorder.ms - sql.ms,
      nvpCalls: (product.nvp.calls - nvp.calls) / Math.max(completed, 1),
      nvpMs: product.nvp.ms - nvp.ms,
      buyerMs,
      cpuShare: (used.user + used.system) / 1000 / (seconds * 1000),
    },
  };
}

/** startCheckout plus the PayPal return, against the local sandbox, by 1 and by 16 buyers. */
export async function checkout(context: ScenarioContext): Promise<void> {
  const products = await catalogue(context);
  const sessions: string[] = [];
  for (let k = 1; k <= 16; k += 1) {
    sessions.push(await context.product.logIn(benchMemberEmail(k), benchPassword));
  }

  for (const buyers of [1, 16]) {
    const outcome = await run(context, sessions.slice(0, buyers), products);
    const { timings, breakdown } = outcome;
    const target = buyers === 16 && context.database.kind === 'postgresql';
    const errors = timings.errors.length;

    context.results.add({
      scenario: `Checkout, ${buyers} concurrent buyer${buyers > 1 ? 's' : ''}`,
      database: context.label,
      figure:
        `${outcome.perSecond.toFixed(1)} orders/s, p50 ${ms(median(timings.total))}, ` +
        `p99 ${ms(percentile(timings.total, 0.99))}, ${errors} errors`,
      target: target ? '≥ 200/s, no error' : 'no error',
      met: target ? outcome.perSecond >= 200 && errors === 0 : errors === 0,
    });
    if (errors > 0) {
      const logged = context.product.loggedErrors.at(-1)?.slice(0, 600);
      console.log(`  first error: ${timings.errors[0]}\n  last logged: ${logged}`);
    }

    context.notes.push(
      `Checkout on ${context.label}, ${buyers} buyer(s): ${outcome.completed} orders in ` +
        `${outcome.seconds.toFixed(1)} s. Per order: startCheckout p50 ${ms(median(timings.start))}, ` +
        `approval at the sandbox p50 ${ms(median(timings.approve))}, completePayPalReturn p50 ` +
        `${ms(median(timings.complete))}; ${breakdown.sqlStatements.toFixed(1)} SQL statements ` +
        `and ${breakdown.nvpCalls.toFixed(1)} NVP calls. Of the buyers' waiting, ` +
        `${share(breakdown.sqlMs, breakdown.buyerMs)} was the database and ` +
        `${share(breakdown.nvpMs, breakdown.buyerMs)} PayPal; the process used ` +
        `${Math.round(breakdown.cpuShare * 100)}% of one core.`,
    );
  }
}

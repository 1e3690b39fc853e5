import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrdersUpdatedSince } from '../../../examples/list-orders.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { allowCashOnDelivery, demoLogins, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

/** The example as a third party runs it: its own process, over HTTP. */
function runExample(args: string[], env: Record<string, string> = {}) {
  return run(`${root}node_modules/.bin/tsx`, ['examples/list-orders.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe.each(databaseKinds())('examples/list-orders.ts, on %s', (kind) => {
  let app: TestApp;
  let staff: GraphQLCaller;
  let since: Date;
  let placed: string[];
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    staff = app.graphql(await app.logIn(demoLogins.staff));
    await allowCashOnDelivery(staff, 'transfer@example.com', ['BANK_TRANSFER']);
    token = (
      await staff(
        'mutation { createApiToken(input: { name: "ERP", scopes: [ORDERS_READ] }) { ... on CreateApiTokenPayload { token } } }',
      )
    ).data.createApiToken.token;

    since = new Date();
    const buyer = app.graphql(await app.logIn(demoLogins.transferMember));
    const product = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    placed = [];
    for (const method of ['CASH_ON_DELIVERY', 'BANK_TRANSFER', 'BANK_TRANSFER']) {
      const order = await buyer(
        'mutation ($id: ID!, $method: PaymentMethod!) { startCheckout(input: { lines: [{ productId: $id, quantity: 1 }], paymentMethod: $method }) { ... on StartCheckoutPayload { order { id number } } } }',
        { id: product, method },
      );
      placed.push(order.data.startCheckout.order.number);
    }
    // The first order changes last, so it is the most recently changed.
    const first = await staff('query ($n: String!) { order(number: $n) { id } }', {
      n: placed[0],
    });
    await staff(
      'mutation ($id: ID!) { updateOrderStatus(input: { orderId: $id, status: PROCESSING }) { __typename } }',
      { id: first.data.order.id },
    );
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('lists the orders changed since a time, the least recently changed first, with the payment fee', async () => {
    const orders = await listOrdersUpdatedSince(`${app.apiUrl}/graphql`, token, since);

    expect(orders.map((order) => order.number)).toEqual([placed[1], placed[2], placed[0]]);
    // ¥1,980, ¥800 shipping and the ¥330 fee, 10% tax on all three (311): ¥3,421.
    expect(orders[2]).toMatchObject({
      status: 'PROCESSING',
      paymentMethod: 'CASH_ON_DELIVERY',
      subtotal: { amount: 1980 },
      shipping: { amount: 800 },
      paymentFee: { amount: 330 },
      tax: { amount: 311 },
      total: { amount: 3421, currency: 'JPY' },
    });
  });

  it('prints one line per order, the fee among the amounts', async () => {
    const { code, stdout } = await runExample([since.toISOString()], {
      API_URL: `${app.apiUrl}/graphql`,
      API_TOKEN: token,
    });
    const lines = stdout.trimEnd().split('\n');

    expect(code).toBe(0);
    expect(lines.map((line) => line.split('\t')[1])).toEqual([placed[1], placed[2], placed[0]]);
    expect(lines[2]?.split('\t').slice(2)).toEqual([
      'PROCESSING',
      'UNPAID',
      'CASH_ON_DELIVERY',
      '有限会社さとう物産',
      'subtotal 1980',
      'shipping 800',
      'fee 330',
      'tax 311',
      'total 3421 JPY',
    ]);
  });

  it('refuses a time it cannot read with one line of usage instead of a stack trace', async () => {
    for (const argument of ['yesterday', '2026-13-01', '12/1']) {
      const { code, stdout, stderr } = await runExample([argument], {
        API_URL: `${app.apiUrl}/graphql`,
        API_TOKEN: token,
      });

      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'Usage: API_TOKEN=wst_… npx tsx examples/list-orders.ts [since, e.g. 2026-12-01T00:00:00Z]\n',
      );
    }
  });
});

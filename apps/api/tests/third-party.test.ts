import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrdersUpdatedSince } from '../../../examples/list-orders.ts';
import { completeReturnMutation, productsQuery, startCheckoutMutation } from './documents.ts';
import type { TestApp } from './harness.ts';
import { approveAtPayPal, demoLogins, startTestApp } from './harness.ts';

describe('a third party with an API token', () => {
  let app: TestApp;
  let apiUrl: string;
  let server: ReturnType<typeof createServer>;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    server = createServer(app.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }, 60_000);

  afterAll(async () => {
    server?.close();
    await app?.stop();
  });

  it('lists, over HTTP with graphql-request, the orders just placed with their lines and totals', async () => {
    const since = new Date();
    const buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    const products = (await buyer(productsQuery)).data.products.edges.map(
      (edge: { node: { id: string; sku: string } }) => edge.node,
    );
    const id = (sku: string) =>
      products.find((product: { sku: string }) => product.sku === sku)?.id;

    const paid = (
      await buyer(startCheckoutMutation, {
        input: { lines: [{ productId: id('TW-1002'), quantity: 2 }], paymentMethod: 'PAYPAL' },
      })
    ).data.startCheckout;
    await buyer(completeReturnMutation, { input: await approveAtPayPal(app, paid.redirectUrl) });
    const transfer = (
      await buyer(startCheckoutMutation, {
        input: {
          lines: [{ productId: id('FD-3005'), quantity: 1 }],
          paymentMethod: 'BANK_TRANSFER',
        },
      })
    ).data.startCheckout;
    for (let i = 0; i < 55; i += 1) {
      await buyer(startCheckoutMutation, {
        input: {
          lines: [{ productId: id('TW-1003'), quantity: 1 }],
          paymentMethod: 'BANK_TRANSFER',
        },
      });
    }

    const staff = app.graphql(await app.logIn(demoLogins.staff));
    const { token } = (
      await staff(
        'mutation { createApiToken(input: { name: "ERP", scopes: [ORDERS_READ] }) { ... on CreateApiTokenPayload { token } } }',
      )
    ).data.createApiToken;
    const orders = await listOrdersUpdatedSince(apiUrl, token, since);

    expect(orders).toHaveLength(57);
    expect(new Set(orders.map((order) => order.number)).size).toBe(57);
    expect(orders.find((order) => order.number === paid.order.number)).toMatchObject({
      status: 'NEW',
      paymentStatus: 'PAID',
      paymentMethod: 'PAYPAL',
      companyName: '株式会社やまだ商店',
      lines: [{ sku: 'TW-1002', quantity: 2, amount: { amount: 2640 } }],
      total: { amount: 2640 + 800 + 344, currency: 'JPY' },
    });
    expect(orders.find((order) => order.number === transfer.order.number)).toMatchObject({
      status: 'NEW',
      paymentStatus: 'UNPAID',
      total: { amount: 1296 + 800 + 80 + 103, currency: 'JPY' },
    });
    expect(await listOrdersUpdatedSince(apiUrl, token, new Date(Date.now() + 60_000))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, GraphQLResponse, TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';

const page = `query ($after: String, $first: Int!) {
  orders(first: $first, after: $after, orderBy: UPDATED, filter: { updatedSince: "2000-01-01T00:00:00Z" }) {
    pageInfo { hasNextPage endCursor }
    edges { node { id number updatedAt } }
  }
}`;

describe('syncing orders by updatedSince while they change', () => {
  let app: TestApp;
  let staff: GraphQLCaller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    staff = app.graphql(await app.logIn(demoLogins.staff));
    const buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    const product = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    for (let i = 0; i < 5; i += 1) {
      const placed = await buyer(startCheckoutMutation, {
        input: { lines: [{ productId: product, quantity: 1 }], paymentMethod: 'BANK_TRANSFER' },
      });
      expect(placed.data.startCheckout.__typename).toBe('StartCheckoutPayload');
    }
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const numbers = (result: GraphQLResponse): string[] =>
    result.data.orders.edges.map((edge: { node: { number: string } }) => edge.node.number);

  it('misses no order when an order already listed changes between two pages', async () => {
    const all = numbers(await staff(page, { first: 100 }));
    expect(all.length).toBeGreaterThanOrEqual(4);

    const first = await staff(page, { first: 2 });
    expect(numbers(first)).toEqual(all.slice(0, 2));
    const moved = first.data.orders.edges[1].node;

    // The second order listed changes: it is now the most recently changed of all.
    const changed = await staff(
      'mutation ($id: ID!) { updateOrderStatus(input: { orderId: $id, status: ON_HOLD }) { __typename } }',
      { id: moved.id },
    );
    expect(changed.data.updateOrderStatus.__typename).toBe('UpdateOrderStatusPayload');

    const rest = await staff(page, { first: 100, after: first.data.orders.pageInfo.endCursor });
    expect(numbers(rest)).toEqual([...all.slice(2), moved.number]);
  });

  it('pages back from a cursor to the same orders', async () => {
    const all = numbers(await staff(page, { first: 100 }));
    const forward = await staff(page, { first: 3 });
    const back = await staff(
      `query ($before: String) {
        orders(last: 2, before: $before, orderBy: UPDATED, filter: { updatedSince: "2000-01-01T00:00:00Z" }) {
          edges { node { number } }
        }
      }`,
      { before: forward.data.orders.pageInfo.endCursor },
    );
    expect(numbers(back)).toEqual(all.slice(0, 2));
  });
  it('searches for % and _ as themselves, not as wildcards', async () => {
    const count = async (list: 'orders' | 'members', search: string) =>
      (
        await staff(
          `query ($q: String!) { ${list}(first: 1, filter: { search: $q }) { totalCount } }`,
          {
            q: search,
          },
        )
      ).data[list].totalCount;

    expect(await count('members', '')).toBeGreaterThan(0);
    expect(await count('orders', '')).toBeGreaterThan(0);
    for (const search of ['_', '%', '\\', 'buyer_example']) {
      expect(await count('members', search)).toBe(0);
      expect(await count('orders', search)).toBe(0);
    }
    expect(await count('members', 'buyer@')).toBe(1);
  });
});

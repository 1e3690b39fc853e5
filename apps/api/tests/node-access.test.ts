import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';

/** What each kind of caller may read through Relay's node(id:) and nodes(ids:). */
describe('who sees what through node(id:)', () => {
  let app: TestApp;
  let staff: GraphQLCaller;
  let buyer: GraphQLCaller;
  let other: GraphQLCaller;
  let anonymous: GraphQLCaller;
  let ids: { order: string; member: string; email: string; token: string; audit: string };
  let tokens: { orders: string; members: string };

  beforeAll(async () => {
    app = await startTestApp('pglite');
    staff = app.graphql(await app.logIn(demoLogins.staff));
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    other = app.graphql(await app.logIn(demoLogins.transferMember));
    anonymous = app.graphql();
    const product = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    const order = (
      await buyer(startCheckoutMutation, {
        input: { lines: [{ productId: product, quantity: 1 }], paymentMethod: 'BANK_TRANSFER' },
      })
    ).data.startCheckout.order;
    await app.deliverEmails();
    const token = async (scopes: string) =>
      (
        await staff(
          `mutation { createApiToken(input: { name: "n", scopes: [${scopes}] }) { ... on CreateApiTokenPayload { token apiToken { id } } } }`,
        )
      ).data.createApiToken;
    const ordersToken = await token('ORDERS_READ');
    const membersToken = await token('MEMBERS_READ');
    tokens = { orders: ordersToken.token, members: membersToken.token };
    ids = {
      order: order.id,
      member: (await buyer('{ viewer { member { id } } }')).data.viewer.member.id,
      email: (await staff('{ emailMessages(first: 1) { edges { node { id } } } }')).data
        .emailMessages.edges[0].node.id,
      token: ordersToken.apiToken.id,
      audit: (await staff('{ auditLog(first: 1) { edges { node { id } } } }')).data.auditLog
        .edges[0].node.id,
    };
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const read = async (caller: GraphQLCaller, id: string) => {
    const result = await caller(
      'query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }',
      { id },
    );

    return {
      node: result.data?.node?.id === id,
      nodes: result.data?.nodes?.[0]?.id === id,
      code: result.errors?.[0]?.extensions?.code ?? null,
    };
  };
  const allowed = { node: true, nodes: true, code: null };

  it('lets nobody anonymous read anything', async () => {
    for (const id of Object.values(ids)) {
      expect(await read(anonymous, id)).toEqual({
        node: false,
        nodes: false,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('lets a member read its own order and itself, and nothing of another member', async () => {
    expect(await read(buyer, ids.order)).toEqual(allowed);
    expect(await read(buyer, ids.member)).toEqual(allowed);
    for (const id of [ids.email, ids.token, ids.audit]) {
      expect((await read(buyer, id)).code).toBe('FORBIDDEN');
    }
    expect((await read(other, ids.order)).code).toBe('FORBIDDEN');
    expect((await read(other, ids.member)).code).toBe('FORBIDDEN');
    expect(
      (await other('query ($id: ID!) { member(id: $id) { id } }', { id: ids.member })).data.member,
    ).toBeNull();
  });

  it('lets a token read only what its scopes name', async () => {
    const orders = app.graphql(null, tokens.orders);
    const members = app.graphql(null, tokens.members);

    expect(await read(orders, ids.order)).toEqual(allowed);
    expect((await read(orders, ids.member)).code).toBe('FORBIDDEN');
    expect(await read(members, ids.member)).toEqual(allowed);
    expect((await read(members, ids.order)).code).toBe('FORBIDDEN');
    for (const id of [ids.email, ids.token, ids.audit]) {
      expect((await read(orders, id)).code).toBe('FORBIDDEN');
    }
    const viaOrder = await orders(
      'query ($id: ID!) { order(id: $id) { companyName member { email } } }',
      { id: ids.order },
    );
    expect(viaOrder.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const companyOnly = await orders('query ($id: ID!) { order(id: $id) { companyName } }', {
      id: ids.order,
    });
    expect(companyOnly.data.order.companyName).toBe('株式会社やまだ商店');
  });

  it('lets staff read everything', async () => {
    for (const id of Object.values(ids)) expect(await read(staff, id)).toEqual(allowed);
  });

  it("narrows a member's lists by their own scope: another member's id finds nothing", async () => {
    const byMember = await other(
      'query ($member: ID!) { orders(first: 10, filter: { memberId: $member }) { totalCount edges { node { id } } } }',
      { member: ids.member },
    );
    expect(byMember.data.orders).toEqual({ totalCount: 0, edges: [] });

    // The transfer member may not pay by PayPal: filtering for it finds nothing, not itself.
    const byMethod = await other(
      '{ members(first: 10, filter: { allowedPaymentMethod: PAYPAL }) { totalCount edges { node { id } } } }',
    );
    expect(byMethod.data.members).toEqual({ totalCount: 0, edges: [] });
    const own = await buyer(
      '{ members(first: 10, filter: { allowedPaymentMethod: PAYPAL }) { totalCount edges { node { id } } } }',
    );
    expect(own.data.members).toEqual({ totalCount: 1, edges: [{ node: { id: ids.member } }] });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';

describe('limits on what a caller may ask', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp('pglite', { tokenRateLimit: { points: 5, seconds: 60 } });
    const staff = app.graphql(await app.logIn(demoLogins.staff));
    token = (
      await staff(
        'mutation { createApiToken(input: { name: "ERP", scopes: [ORDERS_READ, MEMBERS_READ] }) { ... on CreateApiTokenPayload { token } } }',
      )
    ).data.createApiToken.token;
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const post = (query: string, headers: Record<string, string> = {}) =>
    app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('refuses a deeply nested document before it runs', async () => {
    const deep = `{ members(first: 1) { edges { node { orders(first: 1) { edges { node { member { orders(first: 1) { edges { node { member { orders(first: 1) { edges { node { number } } } } } } } } } } } } } } }`;
    const result = await (await post(deep, { authorization: `Bearer ${token}` })).json();

    expect(result.data).toBeUndefined();
    expect(result.errors[0].message).toMatch(/depth/i);
  });

  it('counts aliases of __typename like any other', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `t${i}: __typename`).join(' ');
    const result = await (await post(`{ ${aliases} }`)).json();

    expect(result.errors[0].message).toMatch(/alias/i);
  });

  it('refuses a document with too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: viewer { email }`).join(' ');
    const result = await (await post(`{ ${aliases} }`)).json();

    expect(result.errors[0].message).toMatch(/alias/i);
  });

  it('costs page sizes given as variables as if they were written in the document', async () => {
    const document =
      'query ($f: Int!, $g: Int!) { members(first: $f) { edges { node { email orders(first: $g) { edges { node { number lines { sku } timeline { kind } payments { id } } } } } } } }';
    const send = async (f: number, g: number) =>
      (
        await app.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: document, variables: { f, g } }),
        })
      ).json();

    const large = await send(100, 100);
    expect(large.data ?? null).toBeNull();
    expect(large.errors[0].message).toMatch(/cost limit of 20000 exceeded/i);

    const small = await send(2, 3);
    expect(small.errors).toBeUndefined();
    const literal = await (
      await post(
        '{ members(first: 2) { edges { node { email orders(first: 3) { edges { node { number lines { sku } timeline { kind } payments { id } } } } } } } }',
        { authorization: `Bearer ${token}` },
      )
    ).json();
    expect(small.extensions.cost.requested).toBe(literal.extensions.cost.requested);
  });

  it('reports the cost of an accepted document', async () => {
    const result = await (
      await post('{ orders(first: 10) { edges { node { number total { amount } } } } }', {
        authorization: `Bearer ${token}`,
      })
    ).json();

    expect(result.extensions.cost.maximum).toBe(20000);
    expect(result.extensions.cost.requested).toBeGreaterThan(0);
  });

  it('answers 429 with Retry-After when a token asks too often', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i += 1) {
      const response = await post('{ orders(first: 1) { totalCount } }', {
        authorization: `Bearer ${token}`,
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }

    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(3);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRequestBytes } from '../src/limits.ts';
import type { TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';

async function post(app: TestApp, body: unknown, session?: string) {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: `session=${session}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  return { status: response.status, text: await response.text() };
}

describe('hostile GraphQL requests', () => {
  let app: TestApp;
  let staff: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    staff = await app.logIn(demoLogins.staff);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('runs nothing a cross-site form could send: url-encoded, multipart or plain text', async () => {
    const sessionsBefore = await app.db.session.count();
    const sent = [
      ['application/x-www-form-urlencoded', 'query=mutation%7BlogOut%7D'],
      ['text/plain', JSON.stringify({ query: 'mutation { logOut }' })],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\nmutation { logOut }\r\n--x--',
      ],
    ];
    for (const [type, body] of sent) {
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': type as string, cookie: `session=${staff}` },
        body,
      });

      expect(response.status).toBe(415);
      expect((await response.json()).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await app.db.session.count()).toBe(sessionsBefore);
    expect((await post(app, { query: '{ viewer { email } }' }, staff)).status).toBe(200);
  });

  it('refuses a batch of operations in one request', async () => {
    const batch = [{ query: '{ viewer { email } }' }, { query: '{ viewer { email } }' }];
    const answer = await post(app, batch, staff);

    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).errors[0].message).toBe('Batching is not supported.');
  });

  it('refuses a page of 100,000 orders by its cost, without running it', async () => {
    for (const page of ['first: 100000', 'last: 100000']) {
      const answer = JSON.parse(
        (
          await post(
            app,
            { query: `{ orders(${page}) { edges { node { id lines { sku } } } } }` },
            staff,
          )
        ).text,
      );

      expect(answer.data).toBeUndefined();
      expect(answer.errors[0].message).toMatch(/Query Cost limit of 20000 exceeded/);
    }
  });

  it('refuses a document of more than 5,000 tokens', async () => {
    const fields = Array.from({ length: 2_000 }, () => 'viewer { email }').join(' ');
    const answer = JSON.parse((await post(app, { query: `{ ${fields} }` }, staff)).text);

    expect(answer.data).toBeUndefined();
    expect(answer.errors[0].message).toMatch(/Token limit of 5000 exceeded/);
  });

  it('refuses a body over the size limit with 413, before a resolver sees it', async () => {
    const search = 'x'.repeat(maxRequestBytes);
    const answer = await post(
      app,
      {
        query: 'query ($s: String) { orders(first: 1, filter: { search: $s }) { totalCount } }',
        variables: { s: search },
      },
      staff,
    );

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.text.length).toBeLessThan(300);
  });

  it('still answers a body just under the limit', async () => {
    const search = 'x'.repeat(maxRequestBytes - 1_000);
    const answer = await post(
      app,
      {
        query: 'query ($s: String) { orders(first: 1, filter: { search: $s }) { totalCount } }',
        variables: { s: search },
      },
      staff,
    );

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.orders.totalCount).toBe(0);
  });
});

describe('the API with NODE_ENV=production', () => {
  let app: TestApp;
  let staff: string;
  const nodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    app = await startTestApp('pglite');
    staff = await app.logIn(demoLogins.staff);
  }, 60_000);

  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await app?.stop();
  });

  it('answers an unexpected error with a bare message and nothing of the database', async () => {
    // An order number beyond the database's integer column: the database refuses the query.
    const answer = await post(app, { query: '{ order(number: "10000000000") { id } }' }, staff);
    const error = JSON.parse(answer.text).errors[0];

    expect(error.message).toBe('Unexpected error.');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(answer.text).not.toMatch(/prisma|postgres|pglite|integer|range|stack|\.ts/i);
  });

  it('refuses introspection but still answers __typename', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Order") { fields { name } } }',
    ]) {
      const answer = JSON.parse((await post(app, { query }, staff)).text);

      expect(answer.data).toBeUndefined();
      expect(answer.errors[0].message).toMatch(/introspection/i);
    }
    const typename = JSON.parse((await post(app, { query: '{ __typename }' }, staff)).text);
    expect(typename.data).toEqual({ __typename: 'Query' });
  });

  it('offers no field suggestions that would reveal the schema', async () => {
    const answer = JSON.parse((await post(app, { query: '{ orderz { id } }' }, staff)).text);

    expect(answer.errors[0].message).not.toMatch(/Did you mean/);
  });
});

describe('the API outside production', () => {
  it('may be introspected, for development tools', async () => {
    const app = await startTestApp('pglite');
    const staff = await app.logIn(demoLogins.staff);
    const answer = JSON.parse(
      (await post(app, { query: '{ __type(name: "Order") { name } }' }, staff)).text,
    );
    await app.stop();

    expect(answer.data).toEqual({ __type: { name: 'Order' } });
  }, 60_000);
});

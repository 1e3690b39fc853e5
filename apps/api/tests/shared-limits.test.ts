import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

type Yoga = TestApp['yoga'];

async function post(yoga: Yoga, query: string, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

  return { status: response.status, body: await response.json() };
}

const logIn = (yoga: Yoga, password: string, address: string) =>
  post(
    yoga,
    `mutation { logIn(input: { email: "${demoLogins.paypalMember.email}", password: "${password}" }) { __typename ... on Error { code } } }`,
    { 'x-forwarded-for': address },
  );

describe.each(databaseKinds())('limits shared by API instances on one %s database', (kind) => {
  let app: TestApp;
  let second: Yoga;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(kind, {
      tokenRateLimit: { points: 6, seconds: 60 },
      sharedRateLimits: true,
    });
    // Another instance of the API on the same database, as a second process would be.
    second = createApp({
      db: app.db,
      log: pino({ level: 'silent' }),
      config: app.config,
      mailTransport: { description: 'none', send: async () => {} },
      tokenRateLimit: { points: 6, seconds: 60 },
      sharedRateLimits: true,
    }).yoga;
    const staff = app.graphql(await app.logIn(demoLogins.staff));
    token = (
      await staff(
        'mutation { createApiToken(input: { name: "ERP", scopes: [ORDERS_READ] }) { ... on CreateApiTokenPayload { token } } }',
      )
    ).data.createApiToken.token;
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it("counts an API token's requests across instances", async () => {
    const authorization = `Bearer ${token}`;
    const statuses: number[] = [];
    for (const yoga of [app.yoga, second, app.yoga, second, app.yoga, second, app.yoga, second]) {
      statuses.push(
        (await post(yoga, '{ orders(first: 1) { totalCount } }', { authorization })).status,
      );
    }

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
  });

  it("counts an account's failed log-ins across instances, and a restart keeps them", async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const yoga = attempt % 2 === 0 ? app.yoga : second;
      const failed = await logIn(yoga, 'wrong-password', `203.0.113.${attempt}`);
      expect(failed.body.data.logIn.code).toBe('INVALID_CREDENTIALS');
    }

    // A third instance, started after the failures, knows of them.
    const restarted = createApp({
      db: app.db,
      log: pino({ level: 'silent' }),
      config: app.config,
      mailTransport: { description: 'none', send: async () => {} },
    }).yoga;
    const refused = await logIn(restarted, demoLogins.paypalMember.password, '198.51.100.7');
    expect(refused.body.data.logIn).toEqual({
      __typename: 'TooManyAttemptsError',
      code: 'TOO_MANY_ATTEMPTS',
    });
  });
});

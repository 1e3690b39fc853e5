import { verify } from '@node-rs/argon2';
import { clearExpiredRateLimits } from '@wholesale/schema/auth/throttle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '../src/request-context.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

const logInMutation = /* GraphQL */ `
  mutation ($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ... on Error { code }
      ... on TooManyAttemptsError { retryAfterSeconds }
    }
  }
`;

/** Failed log-ins one client address may make in fifteen minutes. */
const failuresPerAddress = 50;

describe.each(databaseKinds())('log-in throttling and password storage, on %s', (kind) => {
  let app: TestApp;
  let staff: GraphQLCaller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    staff = app.graphql(await app.logIn(demoLogins.staff));
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** A log-in over HTTP, as it reaches the API: from the storefront's proxy or directly. */
  async function logIn(login: { email: string; password: string }, forwardedFor?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
    const response = await fetch(`${app.apiUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: logInMutation, variables: { input: login } }),
    });

    return ((await response.json()) as { data: { logIn: Record<string, unknown> } }).data.logIn;
  }

  /** Wrong passwords for as many accounts, none of them tried twice. */
  async function failAcrossAccounts(count: number, forwardedFor: () => string | undefined) {
    const answers = new Set<unknown>();
    for (let i = 0; i < count; i += 1) {
      const email = `someone-${Math.random().toString(36).slice(2)}@example.com`;
      answers.add((await logIn({ email, password: 'a-wrong-password' }, forwardedFor())).code);
    }

    return [...answers];
  }

  it('refuses an address that failed across many accounts, even with a right password', async () => {
    const address = '203.0.113.10';
    expect(await failAcrossAccounts(failuresPerAddress, () => address)).toEqual([
      'INVALID_CREDENTIALS',
    ]);

    const refused = await logIn(demoLogins.paypalMember, address);
    expect(refused).toMatchObject({
      __typename: 'TooManyAttemptsError',
      code: 'TOO_MANY_ATTEMPTS',
    });
    // The fifteen-minute window began with the first failure, a few seconds ago.
    expect(refused.retryAfterSeconds).toBeGreaterThan(10 * 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // The account itself is not locked: the same password works from elsewhere.
    expect((await logIn(demoLogins.paypalMember, '203.0.113.11')).__typename).toBe('LogInPayload');
  }, 120_000);

  it('counts a caller that names no forwarded address by its connection', async () => {
    expect(await failAcrossAccounts(failuresPerAddress, () => undefined)).toEqual([
      'INVALID_CREDENTIALS',
    ]);

    expect(await logIn(demoLogins.transferMember)).toMatchObject({
      __typename: 'TooManyAttemptsError',
      code: 'TOO_MANY_ATTEMPTS',
    });
  }, 120_000);

  it('counts a caller behind an appending proxy by the address the proxy saw, whatever it claims', async () => {
    const claimed = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const seenByProxy = '203.0.113.20';
    expect(
      await failAcrossAccounts(failuresPerAddress, () => `${claimed()}, ${seenByProxy}`),
    ).toEqual(['INVALID_CREDENTIALS']);

    expect(await logIn(demoLogins.staff, `${claimed()}, ${seenByProxy}`)).toMatchObject({
      __typename: 'TooManyAttemptsError',
      code: 'TOO_MANY_ATTEMPTS',
    });
  }, 120_000);

  it('believes X-Forwarded-For only from a proxy on this machine', () => {
    expect(clientAddress('203.0.113.9', '192.0.2.4')).toBe('192.0.2.4');
    expect(clientAddress('203.0.113.9', '::ffff:192.0.2.4')).toBe('::ffff:192.0.2.4');
    expect(clientAddress('198.51.100.7, 203.0.113.9', '127.0.0.1')).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '::ffff:127.0.0.1')).toBe('203.0.113.9');
    expect(clientAddress(null, '::1')).toBe('::1');
  });

  it('clears counts that expired over an hour ago, and keeps the others', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);
    await app.db.rateLimit.createMany({
      data: [
        { key: 'test:old', points: 3, expire: hoursAgo(2) },
        { key: 'test:recent', points: 3, expire: hoursAgo(0.5) },
        { key: 'test:open', points: 3, expire: null },
      ],
    });

    expect(await clearExpiredRateLimits(app.db)).toBeGreaterThanOrEqual(1);
    const left = await app.db.rateLimit.findMany({ where: { key: { startsWith: 'test:' } } });
    expect(left.map((row) => row.key).sort()).toEqual(['test:open', 'test:recent']);
  });

  it('stores each password as argon2id with the configured cost and a salt of its own', async () => {
    const password = 'the-same-password-for-both';
    for (const email of ['twin-1@example.com', 'twin-2@example.com']) {
      const created = await staff(
        'mutation ($input: CreateMemberInput!) { createMember(input: $input) { __typename } }',
        { input: { email, password, companyName: '株式会社ふたご', contactName: '双子 一郎' } },
      );
      expect(created.data.createMember.__typename).toBe('CreateMemberPayload');
    }
    const imported = await staff(
      'mutation ($csv: String!) { importMembersCsv(csv: $csv) { __typename ... on ImportMembersPayload { created } } }',
      {
        csv: `email,company_name,contact_name,payment_methods,password\r\ntwin-3@example.com,株式会社みつご,三つ子 三郎,BANK_TRANSFER,${password}\r\n`,
      },
    );
    expect(imported.data.importMembersCsv).toEqual({
      __typename: 'ImportMembersPayload',
      created: 1,
    });

    const users = await app.db.user.findMany({
      where: { email: { in: ['twin-1@example.com', 'twin-2@example.com', 'twin-3@example.com'] } },
    });
    expect(users).toHaveLength(3);
    const parts = users.map((user) =>
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/.exec(
        user.passwordHash,
      ),
    );
    expect(parts.every((match) => match !== null)).toBe(true);
    expect(new Set(parts.map((match) => match?.[1])).size).toBe(3);
    expect(new Set(parts.map((match) => match?.[2])).size).toBe(3);
    for (const user of users) {
      expect(user.passwordHash).not.toContain(password);
      expect(await verify(user.passwordHash, password)).toBe(true);
    }
  });
});

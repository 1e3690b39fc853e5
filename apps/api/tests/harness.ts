import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openMigratedDatabase } from '@wholesale/db/client';
import type { NvpCredentials } from '@wholesale/paypal/nvp';
import { createSandbox } from '@wholesale/paypal/sandbox';
import { DEMO_BUYER, DEMO_CREDENTIALS } from '@wholesale/paypal/sandbox-demo';
import type { AppConfig } from '@wholesale/schema/config';
import type { MailTransport } from '@wholesale/schema/email/outbox';
import { dispatchDueEmails } from '@wholesale/schema/email/outbox';
import { processIpnMessages } from '@wholesale/schema/payments/ipn';
import { SecretBox } from '@wholesale/schema/settings/secret-box';
import type { WebhookTargets } from '@wholesale/schema/webhooks/targets';
import type { Logger } from 'pino';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { demoLogins, seedDemoData } from '../src/demo-data.ts';
import type { DatabaseKind } from './test-database.ts';
import { createTestDatabase } from './test-database.ts';

export { demoLogins };

/** A running product for one test file: database, local PayPal sandbox and the API in-process. */
export async function startTestApp(
  kind: DatabaseKind,
  options: {
    tokenRateLimit?: { points: number; seconds: number };
    /** Count API-token requests in the database; as the API runs (PostgreSQL only) unless set. */
    sharedRateLimits?: boolean;
    /** The API's logger; silent unless given, e.g. one writing to a stream a test reads. */
    log?: Logger;
    /** More API credentials the local PayPal sandbox accepts, beside the demo merchant's. */
    paypalCredentials?: NvpCredentials[];
    /** Where webhooks may go; `any` unless set, since the tests' receivers are on loopback. */
    webhookTargets?: WebhookTargets;
  } = {},
) {
  const testDatabase = await createTestDatabase(kind);
  const database = await openMigratedDatabase(testDatabase.options);
  const {
    log = pino({ level: 'silent' }),
    paypalCredentials = [],
    webhookTargets = 'any',
    ...appOptions
  } = options;
  const sandbox = createSandbox({
    credentials: [DEMO_CREDENTIALS, ...paypalCredentials],
    buyers: [DEMO_BUYER],
  });
  const paypal = await sandbox.listen(0, '127.0.0.1');
  // The API listens on HTTP too, for what reaches it from outside: PayPal's IPN messages.
  let handle: ReturnType<typeof createApp>['handle'] | undefined;
  const server = createServer((request, response) => handle?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: AppConfig = {
    storefrontUrl: 'http://localhost:3000',
    apiPublicUrl: apiUrl,
    paypalLocal: { nvpUrl: `${paypal.url}/nvp`, checkoutUrl: paypal.url },
    secretKey: randomBytes(32),
    webhookTargets,
  };
  await seedDemoData(database.prisma, new SecretBox(config.secretKey));

  const sent: { to: string; subject: string; text: string }[] = [];
  const mailTransport: MailTransport = {
    description: 'test',
    async send(message) {
      sent.push(message);
    },
  };
  const nvpCalls: string[] = [];
  const paypalFetch: typeof fetch = async (input, init) => {
    nvpCalls.push(new URLSearchParams(String(init?.body ?? '')).get('METHOD') ?? '?');
    return fetch(input, init);
  };
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  const app = createApp({
    db: database.prisma,
    log,
    config,
    mailTransport,
    paypalFetch,
    now,
    // As the API runs: counted in the database on PostgreSQL, in memory on the embedded one.
    sharedRateLimits: kind === 'postgresql',
    ...appOptions,
  });
  const { yoga, systemContext } = app;
  handle = app.handle;

  return {
    db: database.prisma,
    yoga,
    paypal,
    sandbox,
    config,
    systemContext,
    /** Moves the API's clock, and the sandbox's with it, forward. */
    async advanceClock(hours: number, options = { paypalToo: true }) {
      clockOffsetMs += hours * 60 * 60 * 1000;
      if (!options.paypalToo) return;
      await fetch(`${paypal.url}/sim/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: hours * 60 * 60 }),
      });
    },
    /** The METHOD of every NVP call the API made, in order. */
    nvpCalls,
    /** Emails delivered by the outbox so far. */
    sent,
    /** Runs the outbox once, as the dispatcher would. */
    deliverEmails: () => dispatchDueEmails(database.prisma, mailTransport, log),
    graphql: (session?: string | null, token?: string): GraphQLCaller =>
      graphqlCaller(yoga, session, token),
    async logIn(login: { email: string; password: string }) {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: LogInInput!) { logIn(input: $input) { __typename } }',
          variables: { input: login },
        }),
      });
      const cookie = response.headers.get('set-cookie') ?? '';
      const session = /session=([^;]+)/.exec(cookie)?.[1];
      if (!session) throw new Error(`log in failed for ${login.email}`);

      return session;
    },
    apiUrl,
    /** Verifies and applies the IPN messages PayPal has posted so far. */
    async processIpn() {
      await sandbox.ipnSettled();
      while ((await processIpnMessages(systemContext())) > 0) {}
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await paypal.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export interface GraphQLResponse {
  // biome-ignore lint/suspicious/noExplicitAny: test helpers read arbitrary result shapes
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type GraphQLCaller = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse>;

function graphqlCaller(
  yoga: ReturnType<typeof createApp>['yoga'],
  session?: string | null,
  token?: string,
): GraphQLCaller {
  return async (query, variables) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (session) headers.cookie = `session=${session}`;
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });

    return (await response.json()) as GraphQLResponse;
  };
}

/** Approves a PayPal token at the sandbox as the demo buyer; answers the return parameters. */
export async function approveAtPayPal(app: TestApp, redirectUrl: string) {
  const token = new URL(redirectUrl).searchParams.get('token') ?? '';
  const response = await fetch(`${app.paypal.url}/sim/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const { returnUrl } = (await response.json()) as { returnUrl: string };
  const params = new URL(returnUrl).searchParams;

  return { token: params.get('token') ?? '', payerId: params.get('PayerID') ?? '' };
}

export async function failNextAtPayPal(app: TestApp, method: string, code: string) {
  await fetch(`${app.paypal.url}/sim/fail-next`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, code }),
  });
}

export async function paypalTransactions(app: TestApp) {
  const response = await fetch(`${app.paypal.url}/sim/transactions`);

  return (
    (await response.json()) as { transactions: { id: string; amount: number; invoiceId: string }[] }
  ).transactions;
}

export async function holdNextPaymentAtPayPal(app: TestApp, reason: string) {
  await fetch(`${app.paypal.url}/sim/pending-next`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason }),
  });
}

/** The catalogue's global ids by SKU, as a member sees them. */
export async function productIdsBySku(caller: GraphQLCaller): Promise<Map<string, string>> {
  const result = await caller('{ products(first: 100) { edges { node { id sku } } } }');

  return new Map(
    result.data.products.edges.map((edge: { node: { sku: string; id: string } }) => [
      edge.node.sku,
      edge.node.id,
    ]),
  );
}

/**
 * Enables cash on delivery with a ¥330 fee, as staff, and gives it to the member with this email
 * besides the methods listed.
 */
export async function allowCashOnDelivery(
  staff: GraphQLCaller,
  email: string,
  others: string[],
): Promise<void> {
  await staff(
    'mutation { updatePaymentSettings(input: { method: CASH_ON_DELIVERY, enabled: true, enabledForNewMembers: false, description: "代引き", fee: 330 }) { __typename } }',
  );
  const member = (
    await staff(
      'query ($q: String!) { members(first: 1, filter: { search: $q }) { edges { node { id } } } }',
      {
        q: email,
      },
    )
  ).data.members.edges[0].node.id;
  await staff(
    'mutation ($id: ID!, $methods: [PaymentMethod!]) { updateMember(input: { id: $id, allowedPaymentMethods: $methods }) { __typename } }',
    { id: member, methods: [...others, 'CASH_ON_DELIVERY'] },
  );
}

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox } from '@wholesale/paypal/sandbox';
import { DEMO_BUYER, DEMO_CREDENTIALS } from '@wholesale/paypal/sandbox-demo';
import { generateSecret, hashSecret } from '@wholesale/schema/auth/tokens';
import type { AppConfig } from '@wholesale/schema/config';
import type { MailTransport } from '@wholesale/schema/email/outbox';
import { SecretBox } from '@wholesale/schema/settings/secret-box';
import { pino } from 'pino';
import { createApp } from '../../apps/api/src/app.ts';
import { demoLogins, seedDemoData } from '../../apps/api/src/demo-data.ts';
import type { BenchDatabase } from './databases.ts';

export interface GraphQLAnswer {
  // biome-ignore lint/suspicious/noExplicitAny: scenarios read the shapes they asked for
  data?: any;
  errors?: { message: string }[];
}

/** Time spent waiting for PayPal (the local sandbox), summed over NVP calls. */
export class NvpClock {
  calls = 0;
  ms = 0;
}

/**
 * The product in this process, as the API tests start it: the local PayPal sandbox, the API on
 * a loopback port, the demo shop's settings and logins. Mail stays in the outbox.
 */
export async function startProduct(database: BenchDatabase) {
  const sandbox = createSandbox({ credentials: [DEMO_CREDENTIALS], buyers: [DEMO_BUYER] });
  const paypal = await sandbox.listen(0, '127.0.0.1');
  let handle: ReturnType<typeof createApp>['handle'] | undefined;
  const server = createServer((request, response) => handle?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: AppConfig = {
    storefrontUrl: 'http://localhost:3000',
    apiPublicUrl: apiUrl,
    paypalLocal: { nvpUrl: `${paypal.url}/nvp`, checkoutUrl: paypal.url },
    secretKey: randomBytes(32),
    webhookTargets: 'public',
  };
  await seedDemoData(database.prisma, new SecretBox(config.secretKey));

  const mailTransport: MailTransport = { description: 'outbox only', async send() {} };
  const nvp = new NvpClock();
  const paypalFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    try {
      return await fetch(input, init);
    } finally {
      nvp.calls += 1;
      nvp.ms += performance.now() - started;
    }
  };
  // Errors are kept, not printed: a scenario reports what went wrong next to its figures.
  const loggedErrors: string[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => loggedErrors.push(line) });
  const app = createApp({
    db: database.prisma,
    log,
    config,
    mailTransport,
    paypalFetch,
    tokenRateLimit: { points: 1_000_000_000, seconds: 60 },
  });
  handle = app.handle;

  /** Posts a document to the API over loopback HTTP, as a session or an API token. */
  async function graphql(
    auth: { session?: string; token?: string },
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.session) headers.cookie = `session=${auth.session}`;
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });

    return (await response.json()) as GraphQLAnswer;
  }

  async function logIn(email: string, password: string): Promise<string> {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: LogInInput!) { logIn(input: $input) { __typename } }',
        variables: { input: { email, password } },
      }),
    });
    const session = /session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    if (!session) throw new Error(`Log-in failed for ${email}: ${await response.text()}`);

    return session;
  }

  /** A third party's API token that reads orders and members. */
  async function readToken(): Promise<string> {
    const staff = await database.prisma.user.findUniqueOrThrow({
      where: { email: demoLogins.staff.email },
    });
    const token = `wst_${generateSecret()}`;
    await database.prisma.apiToken.create({
      data: {
        name: 'benchmark',
        scopes: ['ORDERS_READ', 'MEMBERS_READ'],
        tokenHash: hashSecret(token),
        createdById: staff.id,
      },
    });

    return token;
  }

  return {
    apiUrl,
    paypalUrl: paypal.url,
    nvp,
    loggedErrors,
    graphql,
    logIn,
    readToken,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await paypal.close();
    },
  };
}

export type Product = Awaited<ReturnType<typeof startProduct>>;

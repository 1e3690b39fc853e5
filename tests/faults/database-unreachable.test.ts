import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresServerUrl } from '../../apps/api/tests/test-database.ts';
import { createFaultDatabase, type FaultDatabase } from './support/databases.ts';
import {
  type ApiProcess,
  apiSettings,
  type SandboxProcess,
  startApiProcess,
  startSandboxProcess,
} from './support/processes.ts';
import {
  approveAtPayPal,
  buyerLogin,
  type Caller,
  completeReturnMutation,
  eventually,
  graphql,
  internals,
  logIn,
  productBySku,
  productsQuery,
  startPayPalCheckout,
} from './support/shop.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

/** How long a request may take while the database is away before it must have failed. */
const failWithinMs = 15_000;

describe.skipIf(!postgresServerUrl())('PostgreSQL briefly unreachable', () => {
  let db: FaultDatabase;
  let proxy: TcpProxy;
  let sandbox: SandboxProcess;
  let api: ApiProcess;
  let buyer: Caller;
  let productId: string;

  beforeAll(async () => {
    db = await createFaultDatabase('postgresql');
    const direct = new URL(db.env.DATABASE_URL ?? '');
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    sandbox = await startSandboxProcess();
    api = await startApiProcess(
      await apiSettings(sandbox.url, { DATABASE_URL: proxied.toString() }),
    );
    buyer = await logIn(api.url, buyerLogin.email, buyerLogin.password);
    productId = (await productBySku(buyer, 'TW-1002')).id;
  });

  afterAll(async () => {
    await proxy?.restore();
    await api?.kill('SIGTERM');
    await sandbox?.kill('SIGTERM');
    await proxy?.close();
    await db?.drop();
  });

  async function expectCleanFailure(caller: Caller, query: string, variables?: object) {
    const answer = await caller(query, { ...variables }).catch((error: Error) => error);

    if (answer instanceof Error) throw new Error(`the request itself failed: ${answer.message}`);
    expect(answer.ms).toBeLessThan(failWithinMs);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.map((error) => error.message)).toEqual(['Unexpected error.']);
    expect(answer.text).not.toMatch(internals);
  }

  async function expectRecovered() {
    const exited = await Promise.race([api.exited, undefined]);
    if (exited) throw new Error(`the API ended (${exited}):\n${api.output().slice(-4000)}`);
    const products = await eventually('the catalogue answers again', async () => {
      const answer = await buyer(productsQuery);
      return answer.data?.products.edges.length > 0 && answer;
    });
    expect(products.errors).toBeUndefined();

    const started = await startPayPalCheckout(buyer, productId);
    const returned = await approveAtPayPal(sandbox.url, started.redirectUrl);
    const paid = await buyer(completeReturnMutation, { input: returned });
    expect(paid.data.completePayPalReturn.order).toMatchObject({
      status: 'NEW',
      paymentStatus: 'PAID',
    });
  }

  async function expectEveryRequestToFailCleanly() {
    await expectCleanFailure(buyer, productsQuery);
    await expectCleanFailure(
      buyer,
      `mutation ($input: StartCheckoutInput!) { startCheckout(input: $input) { __typename } }`,
      { input: { lines: [{ productId, quantity: 1 }], paymentMethod: 'PAYPAL' } },
    );
    await expectCleanFailure(
      graphql(api.url),
      `mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }`,
      { input: buyerLogin },
    );
  }

  it('fails requests cleanly and recovers without a restart when connections are refused', async () => {
    await proxy.cut('refuse');

    await expectEveryRequestToFailCleanly();

    await proxy.restore();
    await expectRecovered();
    expect(await Promise.race([api.exited, 'running'])).toBe('running');
  });

  it('fails requests cleanly within the connect timeout when connections are never answered, and recovers', async () => {
    await proxy.cut('blackhole');

    await expectEveryRequestToFailCleanly();

    await proxy.restore();
    await expectRecovered();
    expect(await Promise.race([api.exited, 'running'])).toBe('running');
  });
  it('starts once PostgreSQL comes up after it, and ends at once for a database that does not exist', async () => {
    const direct = new URL(db.env.DATABASE_URL ?? '');
    const late = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await late.cut('refuse');
    const proxied = new URL(direct);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(late.port);
    const waiting = startApiProcess(
      await apiSettings(sandbox.url, { DATABASE_URL: proxied.toString() }),
    );
    setTimeout(() => void late.restore(), 4_000);
    const started = await waiting;
    try {
      expect(started.output()).toContain('database not reachable yet');
      expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
    } finally {
      await started.kill('SIGTERM');
      await late.close();
    }

    const missing = new URL(direct);
    missing.pathname = '/no_such_database_here';
    const began = Date.now();
    const failure = await startApiProcess(
      await apiSettings(sandbox.url, { DATABASE_URL: missing.toString() }),
    ).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/ended \(exit 1\)/);
    expect(failure).toContain('database start failed');
    expect(Date.now() - began).toBeLessThan(20_000);
  }, 120_000);
});

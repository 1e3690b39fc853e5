import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../apps/api/tests/test-database.ts';
import {
  createFaultDatabase,
  type FaultDatabase,
  orderLedger,
  stockOf,
} from './support/databases.ts';
import {
  type ApiProcess,
  type ApiSettings,
  apiSettings,
  type SandboxProcess,
  startApiProcess,
  startSandboxProcess,
} from './support/processes.ts';
import { runReconciliationOnPostgres } from './support/reconciliation.ts';
import {
  approveAtPayPal,
  buyerLogin,
  type Caller,
  completeReturnMutation,
  delayNextAtPayPal,
  eventually,
  httpErrorNextAtPayPal,
  internals,
  logIn,
  paypalTransactions,
  productBySku,
  startPayPalCheckout,
} from './support/shop.ts';

/** The NVP client's timeout: PayPal slower than this is treated as not answering. */
const clientTimeoutMs = 30_000;
const sku = 'TW-1002';
// What changes here is PayPal, not the database: PostgreSQL when there is one.
const kind = databaseKinds().at(-1) ?? 'pglite';

describe(`PayPal slow, failing or unreachable, on ${kind}`, () => {
  let db: FaultDatabase;
  let sandbox: SandboxProcess;
  let settings: ApiSettings;
  let api: ApiProcess;
  let buyer: Caller;
  let productId: string;

  beforeAll(async () => {
    db = await createFaultDatabase(kind);
    sandbox = await startSandboxProcess();
    settings = await apiSettings(sandbox.url, db.env);
    api = await startApiProcess(settings);
    buyer = await logIn(api.url, buyerLogin.email, buyerLogin.password);
    productId = (await productBySku(buyer, sku)).id;
  });

  afterAll(async () => {
    await api?.kill('SIGTERM');
    await sandbox?.kill('SIGTERM');
    await db?.drop();
  });

  async function approvedCheckout() {
    const started = await startPayPalCheckout(buyer, productId, 1);
    const returned = await approveAtPayPal(sandbox.url, started.redirectUrl);

    return { number: started.order.number as string, returned };
  }

  async function returnFromPayPal(returned: { token: string; payerId: string }) {
    const answer = await buyer(completeReturnMutation, { input: returned });

    return { result: answer.data?.completePayPalReturn, ms: answer.ms, text: answer.text };
  }

  /** Reconciliation now: graphile-worker's job on PostgreSQL; on the embedded database the
   * jobs' timers start with the process, so a restart runs it. */
  async function reconcileNow() {
    if (db.kind === 'postgresql') return runReconciliationOnPostgres(db);

    await api.kill('SIGTERM');
    api = await startApiProcess(settings);
  }

  function expectClearPayPalError(result: { __typename: string }, text: string) {
    expect(result).toMatchObject({
      __typename: 'PayPalError',
      buyerMessageJa: expect.stringContaining('PayPal'),
      buyerMessageEn: expect.stringContaining('PayPal'),
    });
    expect(text).not.toMatch(internals);
  }

  it('pays when PayPal answers in a few seconds', async () => {
    const { number, returned } = await approvedCheckout();
    await delayNextAtPayPal(sandbox.url, 'DoExpressCheckoutPayment', 3_000, 'before');

    const { result, ms } = await returnFromPayPal(returned);

    expect(result.order).toMatchObject({ number, status: 'NEW', paymentStatus: 'PAID' });
    expect(ms).toBeGreaterThanOrEqual(3_000);
    expect(ms).toBeLessThan(clientTimeoutMs);
  });

  it('settles from PayPal when the payment was taken but its answer outlasted the timeout', async () => {
    const { number, returned } = await approvedCheckout();
    await delayNextAtPayPal(sandbox.url, 'DoExpressCheckoutPayment', 45_000, 'after');

    const { result, ms } = await returnFromPayPal(returned);

    expect(result.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    expect(ms).toBeGreaterThanOrEqual(clientTimeoutMs);
    expect(ms).toBeLessThan(clientTimeoutMs + 10_000);
    const paid = await paypalTransactions(sandbox.url, number);
    expect(paid).toHaveLength(1);
    expect(result.order.paypal.transactionId).toBe(paid[0]?.id);
  });

  it('answers a clear error within the timeout, not paid, when PayPal had not yet taken the payment; reconciliation settles it once PayPal has', async () => {
    const { number, returned } = await approvedCheckout();
    await delayNextAtPayPal(sandbox.url, 'DoExpressCheckoutPayment', 36_000, 'before');

    const { result, ms, text } = await returnFromPayPal(returned);

    expectClearPayPalError(result, text);
    expect(ms).toBeLessThan(clientTimeoutMs + 10_000);
    expect(await orderLedger(db, number)).toMatchObject({
      status: 'PAYMENT_INCOMPLETE',
      paymentStatus: 'UNPAID',
      settledPayments: 0,
    });

    await eventually('PayPal took the late payment', async () => {
      return (await paypalTransactions(sandbox.url, number)).length === 1;
    });
    await reconcileNow();
    await eventually('reconciliation settles the order', async () => {
      return (await orderLedger(db, number)).paymentStatus === 'PAID';
    });
    expect(await orderLedger(db, number)).toMatchObject({
      status: 'NEW',
      settledPayments: 1,
      orderEmails: 1,
    });
  });

  it('answers a clear error at once and takes nothing when PayPal answers 503', async () => {
    const { number, returned } = await approvedCheckout();
    await httpErrorNextAtPayPal(sandbox.url, 'DoExpressCheckoutPayment', 503);

    const failed = await returnFromPayPal(returned);

    expectClearPayPalError(failed.result, failed.text);
    expect(failed.ms).toBeLessThan(5_000);
    expect(await paypalTransactions(sandbox.url, number)).toHaveLength(0);
    expect(await orderLedger(db, number)).toMatchObject({ paymentStatus: 'UNPAID' });

    const retried = await returnFromPayPal(returned);

    expect(retried.result.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    expect(await paypalTransactions(sandbox.url, number)).toHaveLength(1);
  });

  it('withdraws a new order and keeps its stock when SetExpressCheckout answers 502', async () => {
    const before = await stockOf(db, sku);
    await httpErrorNextAtPayPal(sandbox.url, 'SetExpressCheckout', 502);

    const answer = await buyer(
      `mutation ($input: StartCheckoutInput!) { startCheckout(input: $input) {
        __typename ... on PayPalError { buyerMessageJa buyerMessageEn } } }`,
      { input: { lines: [{ productId, quantity: 1 }], paymentMethod: 'PAYPAL' } },
    );

    expectClearPayPalError(answer.data.startCheckout, answer.text);
    expect(await stockOf(db, sku)).toBe(before);
  });

  it('answers a clear error at once while PayPal is unreachable, and pays again once it is back', async () => {
    const { number, returned } = await approvedCheckout();
    const stock = await stockOf(db, sku);
    await sandbox.kill('SIGTERM');

    const refused = await returnFromPayPal(returned);
    const start = await buyer(
      `mutation ($input: StartCheckoutInput!) { startCheckout(input: $input) {
        __typename ... on PayPalError { buyerMessageJa buyerMessageEn } } }`,
      { input: { lines: [{ productId, quantity: 1 }], paymentMethod: 'PAYPAL' } },
    );

    expectClearPayPalError(refused.result, refused.text);
    expect(refused.ms).toBeLessThan(5_000);
    expect(await orderLedger(db, number)).toMatchObject({ paymentStatus: 'UNPAID' });
    expectClearPayPalError(start.data.startCheckout, start.text);
    expect(start.ms).toBeLessThan(5_000);
    expect(await stockOf(db, sku)).toBe(stock);

    // The sandbox keeps its checkouts in memory: back up, it knows only new ones.
    sandbox = await startSandboxProcess(sandbox.port);
    const again = await approvedCheckout();
    const paid = await returnFromPayPal(again.returned);

    expect(paid.result.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NvpClient, NvpTransportError } from '../src/nvp/client.ts';
import { DEMO_CREDENTIALS } from '../src/sandbox/demo.ts';
import { startCheckout, startSandbox, type TestSandbox } from './helpers/sandbox.ts';

let t: TestSandbox;
let impatient: NvpClient;

beforeEach(async () => {
  t = await startSandbox();
  impatient = new NvpClient({
    endpoint: `${t.url}/nvp`,
    credentials: DEMO_CREDENTIALS,
    timeoutMs: 150,
  });
});

afterEach(async () => {
  await t.close();
});

async function approvedCheckout(invoiceId: string) {
  const { token, payment } = await startCheckout(t, invoiceId);
  await t.sim('/sim/approve', { token });

  return { token, payerId: 'DEMOBUYER0000001', payment };
}

async function transportError(call: Promise<unknown>): Promise<NvpTransportError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof NvpTransportError)) throw new Error('expected a transport error');

  return error;
}

async function checkoutStatus(token: string) {
  const details = await t.client.getExpressCheckoutDetails(token);
  if (!details.ok) throw new Error(JSON.stringify(details.errors));

  return details.value.checkoutStatus;
}

describe('POST /sim/delay-next', () => {
  it('applies a payment held after it is made, though the caller stopped waiting', async () => {
    const pay = await approvedCheckout('W-7001');
    await t.sim('/sim/delay-next', { method: 'DoExpressCheckoutPayment', ms: 600, when: 'after' });

    const error = await transportError(impatient.doExpressCheckoutPayment(pay));

    expect(error.kind).toBe('timeout');
    expect(await checkoutStatus(pay.token)).toBe('PaymentActionCompleted');
    expect((await t.sim('/sim/transactions')).body.transactions).toHaveLength(1);
  });

  it('makes a payment held before it is made only once the wait is over', async () => {
    const pay = await approvedCheckout('W-7002');
    await t.sim('/sim/delay-next', { method: 'doexpresscheckoutpayment', ms: 500 });

    const error = await transportError(impatient.doExpressCheckoutPayment(pay));

    expect(error.kind).toBe('timeout');
    expect(await checkoutStatus(pay.token)).toBe('PaymentActionNotInitiated');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await checkoutStatus(pay.token)).toBe('PaymentActionCompleted');
    expect((await t.sim('/sim/transactions')).body.transactions).toHaveLength(1);
  });

  it('slows the next call of that method only', async () => {
    const { token } = await startCheckout(t, 'W-7003');
    await t.sim('/sim/delay-next', { method: 'GetExpressCheckoutDetails', ms: 300 });

    const started = Date.now();
    await t.client.getExpressCheckoutDetails(token);
    const slow = Date.now() - started;
    const again = Date.now();
    await t.client.getExpressCheckoutDetails(token);
    const fast = Date.now() - again;

    expect(slow).toBeGreaterThanOrEqual(290);
    expect(fast).toBeLessThan(200);
  });

  it('refuses an unknown method, a bad wait or a bad moment', async () => {
    expect(
      (await t.sim('/sim/delay-next', { method: 'DoReferenceTransaction', ms: 10 })).status,
    ).toBe(400);
    expect((await t.sim('/sim/delay-next', { method: 'DoVoid', ms: -1 })).status).toBe(400);
    expect((await t.sim('/sim/delay-next', { method: 'DoVoid', ms: 700_000 })).status).toBe(400);
    expect(
      (await t.sim('/sim/delay-next', { method: 'DoVoid', ms: 10, when: 'during' })).body,
    ).toEqual({ error: 'when must be before or after' });
  });

  it('answers what it set, the moment defaulting to before', async () => {
    expect((await t.sim('/sim/delay-next', { method: 'dovoid', ms: 10 })).body).toEqual({
      method: 'DoVoid',
      ms: 10,
      when: 'before',
    });
  });
});

describe('POST /sim/http-error-next', () => {
  it('answers the next call with the status without applying it', async () => {
    const pay = await approvedCheckout('W-7004');
    await t.sim('/sim/http-error-next', { method: 'DoExpressCheckoutPayment', status: 503 });

    const error = await transportError(t.client.doExpressCheckoutPayment(pay));

    expect(error).toMatchObject({ kind: 'http', httpStatus: 503 });
    expect(await checkoutStatus(pay.token)).toBe('PaymentActionNotInitiated');
    const paid = await t.client.doExpressCheckoutPayment(pay);
    expect(paid.ok).toBe(true);
    expect((await t.sim('/sim/transactions')).body.transactions).toHaveLength(1);
  });

  it('takes its status from a form body too, 500 when none is given', async () => {
    const response = await fetch(`${t.url}/sim/http-error-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=GetBalance',
    });

    expect(await response.json()).toEqual({ method: 'GetBalance', status: 500 });
    expect(await transportError(t.client.getBalance())).toMatchObject({ httpStatus: 500 });
  });

  it('refuses a status that is not a server error', async () => {
    expect((await t.sim('/sim/http-error-next', { method: 'DoVoid', status: 404 })).body).toEqual({
      error: 'status must be an HTTP status from 500 to 599',
    });
  });

  it('is forgotten on reset, with the delays', async () => {
    await t.sim('/sim/http-error-next', { method: 'GetBalance', status: 502 });
    await t.sim('/sim/delay-next', { method: 'GetBalance', ms: 5_000 });

    await t.sim('/sim/reset', {});

    const balance = await impatient.getBalance();
    expect(balance.ok).toBe(true);
  });
});

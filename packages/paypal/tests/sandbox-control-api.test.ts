import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paidCheckout, startCheckout, startSandbox, type TestSandbox } from './helpers/sandbox.ts';

let t: TestSandbox;

beforeEach(async () => {
  t = await startSandbox();
});

afterEach(async () => {
  await t.close();
});

describe('the /sim/ control API', () => {
  it('accepts form bodies as well as JSON', async () => {
    const { token } = await startCheckout(t, 'W-6001');

    const response = await fetch(`${t.url}/sim/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      returnUrl: `http://127.0.0.1:3000/checkout/return?order=42&token=${token}&PayerID=DEMOBUYER0000001`,
      payerId: 'DEMOBUYER0000001',
    });
  });

  it('refuses to approve a token that was already paid', async () => {
    const { token } = await paidCheckout(t, 'W-6002');

    expect((await t.sim('/sim/approve', { token })).status).toBe(409);
  });

  it('refuses an unknown method or a malformed code in fail-next', async () => {
    expect(
      (await t.sim('/sim/fail-next', { method: 'DoReferenceTransaction', code: '10001' })).status,
    ).toBe(400);
    expect((await t.sim('/sim/fail-next', { method: 'DoVoid', code: 'boom' })).body).toEqual({
      error: 'code must be a PayPal error code',
    });
  });

  it('moves the clock and reports the new time', async () => {
    const moved = await t.sim('/sim/clock', { advanceSeconds: 90 });

    expect(moved.body).toEqual({ now: '2026-03-01T00:01:30.000Z' });
  });

  it('forgets everything on reset, the clock included', async () => {
    const { token } = await paidCheckout(t, 'W-6003');
    await t.sim('/sim/clock', { advanceSeconds: 60 });

    await t.sim('/sim/reset', {});

    expect((await t.sim('/sim/transactions')).body).toEqual({ transactions: [] });
    expect((await t.sim('/sim/clock', { advanceSeconds: 0 })).body.now).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    const details = await t.client.getExpressCheckoutDetails(token);
    expect(!details.ok && details.errors[0]?.code).toBe('10410');
  });

  it('answers unknown paths with 404 JSON', async () => {
    expect(await t.sim('/sim/nothing')).toEqual({ status: 404, body: { error: 'Not found' } });
  });
});

describe('the buyer pages and hostile input', () => {
  it('escape a hostile cmd on the error page', async () => {
    const response = await fetch(
      `${t.url}/cgi-bin/webscr?cmd=${encodeURIComponent('<script>x</script>')}`,
    );
    const body = await response.text();

    expect(response.status).toBe(404);
    expect(body).toContain('cmd=&lt;script&gt;x&lt;/script&gt;');
    expect(body).not.toContain('<script>');
  });

  it('label the log-in button "Pay Now" when the shop asked for useraction=commit', async () => {
    const { token } = await startCheckout(t, 'W-6004');

    const commit = await fetch(
      `${t.url}/cgi-bin/webscr?cmd=_express-checkout&token=${token}&useraction=commit`,
    );
    const review = await fetch(`${t.url}/cgi-bin/webscr?cmd=_express-checkout&token=${token}`);

    expect(await commit.text()).toContain(
      '<button id="login-submit" type="submit">同意して支払う / Pay Now</button>',
    );
    expect(await review.text()).toContain(
      '<button id="login-submit" type="submit">ログイン / Log In</button>',
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NvpClient } from '../src/nvp/client.ts';
import { decodeNvp } from '../src/nvp/codec.ts';
import type { NvpResult } from '../src/nvp/types.ts';
import { DEMO_CREDENTIALS } from '../src/sandbox/demo.ts';
import {
  OTHER_MERCHANT,
  paidCheckout,
  postNvp,
  startCheckout,
  startSandbox,
  type TestSandbox,
  teaOrder,
} from './helpers/sandbox.ts';

let t: TestSandbox;

beforeEach(async () => {
  t = await startSandbox();
});

afterEach(async () => {
  await t.close();
});

function errorCodes(result: NvpResult<unknown>): string[] {
  return result.ok ? [] : result.errors.map((e) => e.code);
}

const auth = {
  USER: DEMO_CREDENTIALS.username,
  PWD: DEMO_CREDENTIALS.password,
  SIGNATURE: DEMO_CREDENTIALS.signature,
  VERSION: '204.0',
};

const rawSet = {
  ...auth,
  METHOD: 'SetExpressCheckout',
  RETURNURL: 'http://127.0.0.1:3000/r',
  CANCELURL: 'http://127.0.0.1:3000/c',
  PAYMENTREQUEST_0_CURRENCYCODE: 'JPY',
  PAYMENTREQUEST_0_AMT: '3300',
  PAYMENTREQUEST_0_ITEMAMT: '3000',
  PAYMENTREQUEST_0_SHIPPINGAMT: '0',
  PAYMENTREQUEST_0_TAXAMT: '300',
  L_PAYMENTREQUEST_0_NAME0: '玉露',
  L_PAYMENTREQUEST_0_AMT0: '1500',
  L_PAYMENTREQUEST_0_QTY0: '2',
};

async function rawCodes(fields: Record<string, string>): Promise<string[]> {
  const { text } = await postNvp(t.url, fields);
  const raw = decodeNvp(text);

  return Object.keys(raw)
    .filter((key) => key.startsWith('L_ERRORCODE'))
    .map((key) => raw[key] ?? '');
}

describe('the sandbox refuses what PayPal refuses', () => {
  it('answers wrong credentials with 10002 Security error', async () => {
    const client = new NvpClient({
      endpoint: `${t.url}/nvp`,
      credentials: { ...DEMO_CREDENTIALS, signature: 'wrong' },
    });

    const result = await client.getExpressCheckoutDetails('EC-12345678901234567');

    expect(!result.ok && result.errors).toEqual([
      {
        code: '10002',
        shortMessage: 'Security error',
        longMessage: 'Security header is not valid',
        severity: 'Error',
      },
    ]);
  });

  it('accepts a raw request whose amounts add up', async () => {
    expect(await rawCodes(rawSet)).toEqual([]);
  });

  it('refuses a yen order total with a decimal point with 10401', async () => {
    expect(await rawCodes({ ...rawSet, PAYMENTREQUEST_0_AMT: '3300.00' })).toEqual(['10401']);
  });

  it('refuses a yen item amount with a decimal point with 10431', async () => {
    expect(
      await rawCodes({
        ...rawSet,
        L_PAYMENTREQUEST_0_AMT0: '1500.0',
        PAYMENTREQUEST_0_ITEMAMT: '3000',
      }),
    ).toEqual(['10431']);
  });

  it('refuses an item total that is not the sum of the lines with 10413', async () => {
    expect(
      await rawCodes({ ...rawSet, PAYMENTREQUEST_0_ITEMAMT: '3001', PAYMENTREQUEST_0_AMT: '3301' }),
    ).toEqual(['10413']);
  });

  it('refuses an order total that is not items + shipping + tax with 10413', async () => {
    expect(await rawCodes({ ...rawSet, PAYMENTREQUEST_0_AMT: '3400' })).toEqual(['10413']);
  });

  it('refuses a missing order total with 10400 and a missing return URL with 10404', async () => {
    const { PAYMENTREQUEST_0_AMT: _amt, ...noTotal } = rawSet;
    const { RETURNURL: _return, ...noReturn } = rawSet;

    expect(await rawCodes(noTotal)).toEqual(['10400']);
    expect(await rawCodes(noReturn)).toEqual(['10404']);
  });

  it('refuses an unknown method with 81002', async () => {
    expect(await rawCodes({ ...auth, METHOD: 'MassPay' })).toEqual(['81002']);
  });

  it('answers an unknown token with 10410 and a missing one with 10408', async () => {
    expect(errorCodes(await t.client.getExpressCheckoutDetails('EC-00000000000000000'))).toEqual([
      '10410',
    ]);
    expect(errorCodes(await t.client.getExpressCheckoutDetails(''))).toEqual(['10408']);
  });

  it("refuses another merchant's token with 10409", async () => {
    const { token } = await startCheckout(t, 'W-2001');
    const other = new NvpClient({ endpoint: `${t.url}/nvp`, credentials: OTHER_MERCHANT });

    expect(errorCodes(await other.getExpressCheckoutDetails(token))).toEqual(['10409']);
  });

  it('expires a token three hours after SetExpressCheckout with 10411', async () => {
    const { token } = await startCheckout(t, 'W-2002');
    await t.sim('/sim/clock', { advanceSeconds: 3 * 3600 - 1 });
    expect((await t.client.getExpressCheckoutDetails(token)).ok).toBe(true);

    await t.sim('/sim/clock', { advanceSeconds: 1 });

    expect(errorCodes(await t.client.getExpressCheckoutDetails(token))).toEqual(['10411']);
    expect((await t.sim('/sim/approve', { token })).status).toBe(410);
  });

  it('refuses to pay a token the buyer has not approved with 10485', async () => {
    const { token, payment } = await startCheckout(t, 'W-2003');

    const result = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment,
    });

    expect(errorCodes(result)).toEqual(['10485']);
  });

  it('refuses a payer id that did not approve the token with 10406', async () => {
    const { token, payment } = await startCheckout(t, 'W-2004');
    await t.sim('/sim/approve', { token });

    const result = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'SOMEONEELSE01',
      payment,
    });

    expect(errorCodes(result)).toEqual(['10406']);
  });

  it('refuses a payment amount different from the approved one', async () => {
    const { token } = await startCheckout(t, 'W-2005');
    await t.sim('/sim/approve', { token });

    const result = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment: teaOrder('W-2005', { shipping: 700, total: 5980 }),
    });

    expect(errorCodes(result)).toEqual(['10004']);
  });

  it('refuses a different currency with 10444', async () => {
    const { token } = await startCheckout(t, 'W-2006');
    await t.sim('/sim/approve', { token });

    const result = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment: teaOrder('W-2006', { currency: 'USD' }),
    });

    expect(errorCodes(result)).toEqual(['10444']);
  });

  it('allows at most ten payment attempts per token, then answers 10416', async () => {
    const { token, payment } = await startCheckout(t, 'W-2007');
    await t.sim('/sim/approve', { token });
    for (let i = 0; i < 10; i += 1) {
      await t.sim('/sim/fail-next', { method: 'DoExpressCheckoutPayment', code: '10486' });
      const declined = await t.client.doExpressCheckoutPayment({
        token,
        payerId: 'DEMOBUYER0000001',
        payment,
      });
      expect(errorCodes(declined)).toEqual(['10486']);
    }

    const eleventh = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment,
    });

    expect(errorCodes(eleventh)).toEqual(['10416']);
  });

  it('refuses an order number that was already paid with 10412', async () => {
    await paidCheckout(t, 'W-2008');

    const again = await t.client.setExpressCheckout({
      payment: teaOrder('W-2008'),
      returnUrl: 'http://127.0.0.1:3000/r',
      cancelUrl: 'http://127.0.0.1:3000/c',
    });

    expect(errorCodes(again)).toEqual(['10412']);
  });
});

describe("the sandbox's wire format", () => {
  it("encodes answers as PayPal's servers do", async () => {
    const { response, text } = await postNvp(t.url, rawSet);

    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text).toMatch(
      /^TOKEN=EC%2d[A-Z0-9]{17}&TIMESTAMP=2026%2d03%2d01T00%3a00%3a00Z&CORRELATIONID=[0-9a-f]{13}&ACK=Success&VERSION=204%2e0&BUILD=\d+$/,
    );
  });

  it('writes spaces in error messages as %20', async () => {
    const { text } = await postNvp(t.url, { ...rawSet, PWD: 'nope' });

    expect(text).toContain(
      '&L_SHORTMESSAGE0=Security%20error&L_LONGMESSAGE0=Security%20header%20is%20not%20valid&L_SEVERITYCODE0=Error',
    );
  });

  it('matches request field names case-insensitively', async () => {
    const lower = Object.fromEntries(Object.entries(rawSet).map(([k, v]) => [k.toLowerCase(), v]));

    expect(await rawCodes({ ...lower, method: 'setexpresscheckout' })).toEqual([]);
  });
});

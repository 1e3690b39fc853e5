import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expressCheckoutRedirectUrl } from '../src/nvp/client.ts';
import { startCheckout, startSandbox, type TestSandbox } from './helpers/sandbox.ts';

let t: TestSandbox;

beforeEach(async () => {
  t = await startSandbox();
});

afterEach(async () => {
  await t.close();
});

async function submit(fields: Record<string, string>) {
  return fetch(`${t.url}/cgi-bin/webscr`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

const goodCard = {
  cardNumber: '4111 1111 1111 1111',
  expiry: '12/30',
  cvv: '123',
  cardName: 'TARO YAMADA',
};

describe('the buyer pages', () => {
  it('show the order lines and total in yen, with escaped names', async () => {
    const { token } = await startCheckout(t, 'W-3001');

    const response = await fetch(expressCheckoutRedirectUrl(t.url, token));
    const body = await response.text();

    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body).toContain('<td>急須 &lt;白&gt;</td>');
    expect(body).not.toContain('<白>');
    expect(body).toContain('<td class="num" id="order-total">¥5,880</td>');
    expect(body).toContain('PayPalでログイン / Log in to PayPal');
    expect(body).toContain('id="login-submit"');
    expect(body).toContain('id="card-submit"');
    expect(body).toContain('id="cancel-link"');
    expect(body).toContain('卸売ストア');
  });

  it('log a sandbox buyer in and redirect to the RETURNURL with token and PayerID', async () => {
    const { token } = await startCheckout(t, 'W-3002');

    const response = await submit({
      cmd: '_express-checkout-login',
      token,
      email: 'paypal-buyer@example.com',
      password: 'paypal-demo',
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `http://127.0.0.1:3000/checkout/return?order=42&token=${token}&PayerID=DEMOBUYER0000001`,
    );
  });

  it('show an error on the page for a wrong password', async () => {
    const { token } = await startCheckout(t, 'W-3003');

    const response = await submit({
      cmd: '_express-checkout-login',
      token,
      email: 'paypal-buyer@example.com',
      password: 'wrong',
    });
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(body).toContain('id="login-error"');
    expect(body).toContain('The email address or password is incorrect');
    expect(body).toContain('value="paypal-buyer@example.com"');
    const details = await t.client.getExpressCheckoutDetails(token);
    expect(details.ok && details.value.payerId).toBeUndefined();
  });

  it('accept a guest card payment and create a guest payer', async () => {
    const { token } = await startCheckout(t, 'W-3004');

    const response = await submit({ cmd: '_express-checkout-card', token, ...goodCard });

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '');
    const payerId = location.searchParams.get('PayerID') ?? '';
    expect(payerId).toMatch(/^[A-Z0-9]{13}$/);
    const details = await t.client.getExpressCheckoutDetails(token);
    expect(details.ok && details.value).toMatchObject({
      payerId,
      payerStatus: 'unverified',
      firstName: 'TARO',
      lastName: 'YAMADA',
    });
  });

  it.each([
    ['a number failing the Luhn check', { cardNumber: '4111 1111 1111 1112' }, 'card number'],
    ['an expired card', { expiry: '01/26' }, 'expiry date'],
    ['a short CVV', { cvv: '12' }, 'security code'],
    ['no name', { cardName: ' ' }, 'name on the card'],
  ])('refuse %s with a message on the page', async (_case, change, words) => {
    const { token } = await startCheckout(t, 'W-3005');

    const response = await submit({ cmd: '_express-checkout-card', token, ...goodCard, ...change });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain(words);
  });

  it('send a cancelling buyer to the CANCELURL with the token', async () => {
    const { token } = await startCheckout(t, 'W-3006');

    const response = await fetch(
      `${t.url}/cgi-bin/webscr?cmd=_express-checkout-cancel&token=${token}`,
      { redirect: 'manual' },
    );

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `http://127.0.0.1:3000/checkout/cancel?order=42&token=${token}`,
    );
  });

  it('show an error page for an unknown or expired token', async () => {
    const unknown = await fetch(expressCheckoutRedirectUrl(t.url, 'EC-<b>bad</b>'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Payment not found');

    const { token } = await startCheckout(t, 'W-3007');
    await t.sim('/sim/clock', { advanceSeconds: 3 * 3600 });
    const expired = await fetch(expressCheckoutRedirectUrl(t.url, token));

    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Session expired');
  });

  it('keep a RETURNURL fragment after the added parameters', async () => {
    const { token } = await startCheckout(t, 'W-3008', 'http://127.0.0.1:3000/return#paid');

    const approval = await t.sim('/sim/approve', { token });

    expect(approval.body.returnUrl).toBe(
      `http://127.0.0.1:3000/return?token=${token}&PayerID=DEMOBUYER0000001#paid`,
    );
  });
});

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

describe('Express Checkout against the local sandbox', () => {
  it('pays an approved checkout from start to finish', async () => {
    const { token, payment } = await startCheckout(t, 'W-1001');

    expect(token).toMatch(/^EC-[A-Z0-9]{17}$/);

    const page = await fetch(expressCheckoutRedirectUrl(t.url, token));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('¥5,880');

    const approval = await t.sim('/sim/approve', { token });
    expect(approval.body.returnUrl).toBe(
      `http://127.0.0.1:3000/checkout/return?order=42&token=${token}&PayerID=DEMOBUYER0000001`,
    );

    const before = await t.client.getExpressCheckoutDetails(token);
    expect(before.ok && before.value).toEqual({
      token,
      checkoutStatus: 'PaymentActionNotInitiated',
      payerId: 'DEMOBUYER0000001',
      payerEmail: 'paypal-buyer@example.com',
      payerStatus: 'verified',
      firstName: '太郎',
      lastName: '山田',
      currency: 'JPY',
      total: 5880,
      invoiceId: 'W-1001',
    });

    const paid = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment,
    });
    expect(paid.ok).toBe(true);
    if (!paid.ok) return;

    expect(paid.value).toEqual({
      transactionId: expect.stringMatching(/^[A-Z0-9]{17}$/),
      paymentStatus: 'Completed',
      currency: 'JPY',
      amount: 5880,
      fee: 251,
    });

    const after = await t.client.getExpressCheckoutDetails(token);
    expect(after.ok && after.value).toMatchObject({
      checkoutStatus: 'PaymentActionCompleted',
      transactionId: paid.value.transactionId,
    });

    const listed = await t.sim('/sim/transactions');
    expect(listed.body.transactions).toEqual([
      expect.objectContaining({
        id: paid.value.transactionId,
        token,
        invoiceId: 'W-1001',
        amount: 5880,
        currency: 'JPY',
        status: 'Completed',
        refunds: [],
        createdAt: '2026-03-01T00:00:00.000Z',
      }),
    ]);
  });

  it('answers a second payment on a paid token with 10415', async () => {
    const { token, payment } = await startCheckout(t, 'W-1002');
    await t.sim('/sim/approve', { token });
    await t.client.doExpressCheckoutPayment({ token, payerId: 'DEMOBUYER0000001', payment });

    const again = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment,
    });

    expect(again.ok).toBe(false);
    expect(!again.ok && again.errors[0]).toMatchObject({
      code: '10415',
      longMessage: 'A successful transaction has already been completed for this token.',
      severity: 'Error',
    });
  });

  it('answers a repeated MSGSUBID with the original payment and warning 11607', async () => {
    const { token, payment } = await startCheckout(t, 'W-1003');
    await t.sim('/sim/approve', { token });
    const input = { token, payerId: 'DEMOBUYER0000001', payment, msgSubId: 'W-1003-pay-1' };
    const first = await t.client.doExpressCheckoutPayment(input);

    const retry = await t.client.doExpressCheckoutPayment(input);

    expect(retry.ok).toBe(true);
    if (!retry.ok || !first.ok) return;

    expect(retry.ack).toBe('SuccessWithWarning');
    expect(retry.warnings).toEqual([
      {
        code: '11607',
        shortMessage: 'Duplicate Request',
        longMessage: 'A successful transaction has already been completed for this token.',
        severity: 'Warning',
      },
    ]);
    expect(retry.value).toEqual(first.value);
    expect((await t.sim('/sim/transactions')).body.transactions).toHaveLength(1);
  });

  it('cancels back to the CANCELURL with the token', async () => {
    const { token } = await startCheckout(t, 'W-1004');

    const cancelled = await t.sim('/sim/cancel', { token });

    expect(cancelled.body.cancelUrl).toBe(
      `http://127.0.0.1:3000/checkout/cancel?order=42&token=${token}`,
    );
  });

  it('lets the buyer go back to PayPal after a declined funding source and pay', async () => {
    const { token, payment } = await startCheckout(t, 'W-1005');
    await t.sim('/sim/approve', { token });
    await t.sim('/sim/fail-next', { method: 'DoExpressCheckoutPayment', code: '10486' });

    const declined = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment,
    });
    expect(!declined.ok && declined.errors[0]).toMatchObject({
      code: '10486',
      shortMessage: "This transaction couldn't be completed.",
    });
    const details = await t.client.getExpressCheckoutDetails(token);
    expect(details.ok && details.value.checkoutStatus).toBe('PaymentActionFailed');

    await t.sim('/sim/approve', { token });
    const paid = await t.client.doExpressCheckoutPayment({
      token,
      payerId: 'DEMOBUYER0000001',
      payment,
    });

    expect(paid.ok && paid.value.paymentStatus).toBe('Completed');
  });

  it('fails only the next call of the named method', async () => {
    await t.sim('/sim/fail-next', { method: 'SetExpressCheckout', code: '10001' });

    await expect(startCheckout(t, 'W-1006')).rejects.toThrow(/10001/);
    await expect(startCheckout(t, 'W-1006')).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('approves as another configured buyer when given an email', async () => {
    const { token } = await startCheckout(t, 'W-1007');

    const approval = await t.sim('/sim/approve', { token, email: 'second-buyer@example.com' });

    expect(approval.body.returnUrl).toContain('PayerID=SECONDBUYER01');
    expect((await t.sim('/sim/approve', { token, email: 'nobody@example.com' })).status).toBe(400);
    expect((await t.sim('/sim/approve', { token: 'EC-UNKNOWN' })).status).toBe(404);
  });
});

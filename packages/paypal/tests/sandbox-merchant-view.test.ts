import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIpnReceiver } from './helpers/ipn-receiver.ts';
import { paidCheckout, startSandbox, type TestSandbox, teaOrder } from './helpers/sandbox.ts';

let t: TestSandbox;

beforeEach(async () => {
  t = await startSandbox();
});

afterEach(async () => {
  await t.close();
});

async function refundForm(fields: Record<string, string>) {
  return fetch(`${t.url}/sim/merchant`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

describe('the merchant view', () => {
  it('lists transactions with a refund button', async () => {
    const { transactionId } = await paidCheckout(t, 'W-5001');

    const response = await fetch(`${t.url}/sim/merchant`);
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(body).toContain(`<code>${transactionId}</code>`);
    expect(body).toContain('W-5001');
    expect(body).toContain('¥5,880');
    expect(body).toContain(`id="refund-${transactionId}"`);
  });

  it('refunds from the page and posts the refund IPN', async () => {
    const receiver = await startIpnReceiver();
    try {
      const { transactionId } = await paidCheckout(
        t,
        'W-5002',
        teaOrder('W-5002', { notifyUrl: receiver.url }),
      );

      const partial = await refundForm({ transactionId, amount: '880' });
      expect(partial.status).toBe(303);
      expect(partial.headers.get('location')).toBe('/sim/merchant');

      const rest = await refundForm({ transactionId, amount: '' });
      expect(rest.status).toBe(303);
      await t.sandbox.ipnSettled();

      expect((await t.sim('/sim/transactions')).body.transactions).toEqual([
        expect.objectContaining({ status: 'Refunded', refundedAmount: 5880 }),
      ]);
      // IPNs are posted in the background; like PayPal's, they may arrive in any order.
      const grossAmounts = receiver.bodies.map((b) => new URLSearchParams(b).get('mc_gross'));
      expect(grossAmounts.sort()).toEqual(['-5000', '-880', '5880']);
    } finally {
      await receiver.close();
    }
  });

  it('shows why a refund was refused', async () => {
    const { transactionId } = await paidCheckout(t, 'W-5003');

    const response = await refundForm({ transactionId, amount: '9999' });

    expect(response.status).toBe(422);
    expect(await response.text()).toContain(
      '10009: The partial refund amount must be less than or equal to the original transaction amount',
    );
  });
});

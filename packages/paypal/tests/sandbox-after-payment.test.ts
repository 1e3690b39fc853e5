import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeNvp } from '../src/nvp/codec.ts';
import type { NvpResult } from '../src/nvp/types.ts';
import { DEMO_CREDENTIALS } from '../src/sandbox/demo.ts';
import { startIpnReceiver } from './helpers/ipn-receiver.ts';
import {
  paidCheckout,
  postNvp,
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

function failure(result: NvpResult<unknown>) {
  return result.ok ? undefined : result.errors.map((e) => `${e.code} ${e.longMessage}`);
}

describe('refunds in the sandbox', () => {
  it('refunds part of a payment, then the rest, never more than remains', async () => {
    const { transactionId } = await paidCheckout(t, 'W-4001');

    const first = await t.client.refundTransaction({
      transactionId,
      type: 'Partial',
      amount: 1000,
      currency: 'JPY',
    });
    expect(first.ok && first.value).toEqual({
      refundTransactionId: expect.stringMatching(/^[A-Z0-9]{17}$/),
      grossRefundAmount: 1000,
      totalRefundedAmount: 1000,
      feeRefundAmount: 0,
      netRefundAmount: 1000,
      refundStatus: 'Instant',
    });

    const tooMuch = await t.client.refundTransaction({
      transactionId,
      type: 'Partial',
      amount: 4881,
      currency: 'JPY',
    });
    expect(failure(tooMuch)).toEqual([
      '10009 The partial refund amount must be less than or equal to the remaining amount',
    ]);

    const fullAfterPartial = await t.client.refundTransaction({
      transactionId,
      type: 'Full',
      currency: 'JPY',
    });
    expect(failure(fullAfterPartial)).toEqual([
      '10009 Can not do a full refund after a partial refund',
    ]);

    const rest = await t.client.refundTransaction({
      transactionId,
      type: 'Partial',
      amount: 4880,
      currency: 'JPY',
    });
    expect(rest.ok && rest.value.totalRefundedAmount).toBe(5880);

    const details = await t.client.getTransactionDetails(transactionId);
    expect(details.ok && details.value).toMatchObject({ paymentStatus: 'Refunded', amount: 5880 });

    const nothingLeft = await t.client.refundTransaction({
      transactionId,
      type: 'Partial',
      amount: 1,
      currency: 'JPY',
    });
    expect(failure(nothingLeft)).toEqual([
      '10009 This transaction has already been fully refunded',
    ]);
  });

  it('refunds a whole payment with a full refund', async () => {
    const { transactionId } = await paidCheckout(t, 'W-4002');

    const refund = await t.client.refundTransaction({
      transactionId,
      type: 'Full',
      currency: 'JPY',
    });

    expect(refund.ok && refund.value.grossRefundAmount).toBe(5880);
    const listed = await t.sim('/sim/transactions');
    expect(listed.body.transactions).toEqual([
      expect.objectContaining({
        status: 'Refunded',
        refundedAmount: 5880,
        refunds: [expect.objectContaining({ amount: 5880 })],
      }),
    ]);
  });

  it('does not refund twice for a repeated MSGSUBID', async () => {
    const { transactionId } = await paidCheckout(t, 'W-4003');
    const input = {
      transactionId,
      type: 'Partial' as const,
      amount: 500,
      currency: 'JPY',
      msgSubId: 'W-4003-refund-1',
    };

    const first = await t.client.refundTransaction(input);
    const retry = await t.client.refundTransaction(input);

    expect(retry.ok && retry.value).toEqual(first.ok && first.value);
    const details = await t.client.getTransactionDetails(transactionId);
    expect(details.ok && details.value.paymentStatus).toBe('Partially-Refunded');
    expect((await t.sim('/sim/transactions')).body.transactions).toEqual([
      expect.objectContaining({ refundedAmount: 500 }),
    ]);
  });

  it('refuses an unknown transaction with 10004', async () => {
    const unknown = await t.client.getTransactionDetails('0000000000000000X');

    expect(failure(unknown)).toEqual(['10004 The transaction id is not valid']);
  });

  it('refuses a refund in another currency than the payment with 10009', async () => {
    const { transactionId } = await paidCheckout(t, 'W-4004');

    const dollars = await t.client.refundTransaction({
      transactionId,
      type: 'Partial',
      amount: 100,
      currency: 'USD',
    });

    expect(failure(dollars)).toEqual([
      '10009 The partial refund must be the same currency as the original transaction',
    ]);
  });

  it('refuses a yen refund amount with a decimal point with 10009', async () => {
    const { transactionId } = await paidCheckout(t, 'W-4006');

    const { text } = await postNvp(t.url, {
      USER: DEMO_CREDENTIALS.username,
      PWD: DEMO_CREDENTIALS.password,
      SIGNATURE: DEMO_CREDENTIALS.signature,
      METHOD: 'RefundTransaction',
      TRANSACTIONID: transactionId,
      REFUNDTYPE: 'Partial',
      AMT: '100.50',
      CURRENCYCODE: 'JPY',
    });

    expect(decodeNvp(text)).toMatchObject({
      ACK: 'Failure',
      L_ERRORCODE0: '10009',
      L_LONGMESSAGE0: 'The partial refund amount is not valid',
    });
  });

  it('reports a refund transaction with a negative amount and its parent', async () => {
    const { transactionId } = await paidCheckout(t, 'W-4005');
    const refund = await t.client.refundTransaction({
      transactionId,
      type: 'Partial',
      amount: 800,
      currency: 'JPY',
    });
    if (!refund.ok) throw new Error('refund failed');

    const details = await t.client.getTransactionDetails(refund.value.refundTransactionId);

    expect(details.ok && details.value).toMatchObject({
      transactionId: refund.value.refundTransactionId,
      parentTransactionId: transactionId,
      amount: -800,
      paymentStatus: 'Refunded',
    });
  });
});

describe('authorizations and voids in the sandbox', () => {
  it('voids an authorization once, then answers 10600', async () => {
    const { transactionId } = await paidCheckout(
      t,
      'W-4101',
      teaOrder('W-4101', { paymentAction: 'Authorization' }),
    );
    const before = await t.client.getTransactionDetails(transactionId);
    expect(before.ok && before.value).toMatchObject({
      paymentStatus: 'Pending',
      pendingReason: 'authorization',
    });

    const voided = await t.client.doVoid({ authorizationId: transactionId, note: 'キャンセル' });
    expect(voided.ok && voided.value).toEqual({ authorizationId: transactionId });
    const after = await t.client.getTransactionDetails(transactionId);
    expect(after.ok && after.value.paymentStatus).toBe('Voided');

    const again = await t.client.doVoid({ authorizationId: transactionId });
    expect(failure(again)).toEqual(['10600 Authorization is voided.']);
  });

  it('refuses to void a sale with 10609 and to refund an authorization with 10009', async () => {
    const sale = await paidCheckout(t, 'W-4102');
    const auth = await paidCheckout(
      t,
      'W-4103',
      teaOrder('W-4103', { paymentAction: 'Authorization' }),
    );

    expect(failure(await t.client.doVoid({ authorizationId: sale.transactionId }))).toEqual([
      '10609 Transaction id is invalid.',
    ]);
    expect(
      failure(
        await t.client.refundTransaction({
          transactionId: auth.transactionId,
          type: 'Full',
          currency: 'JPY',
        }),
      ),
    ).toEqual(['10009 You can not refund this type of transaction']);
  });
});

describe('captures in the sandbox', () => {
  it('captures an authorization once as a sale that can be refunded, then refuses a void', async () => {
    const { transactionId: authorizationId } = await paidCheckout(
      t,
      'W-4111',
      teaOrder('W-4111', { paymentAction: 'Authorization' }),
    );

    const captured = await t.client.doCapture({
      authorizationId,
      amount: 5880,
      currency: 'JPY',
      invoiceId: 'W-4111',
      msgSubId: 'capture-4111',
    });
    expect(captured.ok && captured.value).toEqual({
      authorizationId,
      transactionId: expect.stringMatching(/^[A-Z0-9]{17}$/),
      parentTransactionId: authorizationId,
      paymentStatus: 'Completed',
      currency: 'JPY',
      amount: 5880,
      fee: 251,
    });
    if (!captured.ok) return;
    const saleId = captured.value.transactionId;
    expect(saleId).not.toBe(authorizationId);

    // The same MSGSUBID answers the same capture; a new one is refused.
    const replay = await t.client.doCapture({
      authorizationId,
      amount: 5880,
      currency: 'JPY',
      msgSubId: 'capture-4111',
    });
    expect(replay.ok && replay.value.transactionId).toBe(saleId);
    const second = await t.client.doCapture({ authorizationId, amount: 5880, currency: 'JPY' });
    expect(failure(second)).toEqual(['10602 Authorization has already been completed.']);
    expect(failure(await t.client.doVoid({ authorizationId }))).toEqual([
      '10602 Authorization has already been completed.',
    ]);

    const sale = await t.client.getTransactionDetails(saleId);
    expect(sale.ok && sale.value).toMatchObject({
      paymentStatus: 'Completed',
      parentTransactionId: authorizationId,
      amount: 5880,
    });
    const authorization = await t.client.getTransactionDetails(authorizationId);
    expect(authorization.ok && authorization.value.paymentStatus).toBe('Completed');

    const refunded = await t.client.refundTransaction({
      transactionId: saleId,
      type: 'Full',
      currency: 'JPY',
    });
    expect(refunded.ok && refunded.value.totalRefundedAmount).toBe(5880);
  });

  it('refuses to capture more than was authorized, a voided authorization, or a sale', async () => {
    const sale = await paidCheckout(t, 'W-4112');
    const auth = await paidCheckout(
      t,
      'W-4113',
      teaOrder('W-4113', { paymentAction: 'Authorization' }),
    );
    const capture = (authorizationId: string, amount: number) =>
      t.client.doCapture({ authorizationId, amount, currency: 'JPY' });

    expect(failure(await capture(auth.transactionId, 5881))).toEqual([
      '10610 Amount specified exceeds allowable limit.',
    ]);
    expect(failure(await capture(sale.transactionId, 100))).toEqual([
      '10609 Transaction id is invalid.',
    ]);
    await t.client.doVoid({ authorizationId: auth.transactionId });
    expect(failure(await capture(auth.transactionId, 5880))).toEqual([
      '10600 Authorization is voided.',
    ]);
  });
});

describe('IPN from the sandbox', () => {
  it('posts payment and refund IPNs to the NOTIFYURL and verifies them', async () => {
    const receiver = await startIpnReceiver();
    try {
      const payment = teaOrder('W-4201', { notifyUrl: receiver.url, custom: 'order:4201' });
      const { transactionId } = await paidCheckout(t, 'W-4201', payment);
      const refund = await t.client.refundTransaction({
        transactionId,
        type: 'Partial',
        amount: 880,
        currency: 'JPY',
      });
      await t.sandbox.ipnSettled();

      expect(receiver.bodies).toHaveLength(2);
      const paid = Object.fromEntries(new URLSearchParams(receiver.bodies[0]));
      expect(paid).toMatchObject({
        txn_type: 'express_checkout',
        txn_id: transactionId,
        payment_status: 'Completed',
        mc_gross: '5880',
        mc_currency: 'JPY',
        invoice: 'W-4201',
        custom: 'order:4201',
        receiver_email: 'merchant@wholesale.example',
        payer_id: 'DEMOBUYER0000001',
        payment_date: '16:00:00 Feb 28, 2026 PST',
        item_name2: '急須 <白>',
        ipn_track_id: expect.stringMatching(/^[0-9a-f]{13}$/),
        verify_sign: expect.any(String),
      });

      const refunded = Object.fromEntries(new URLSearchParams(receiver.bodies[1]));
      expect(refunded).toMatchObject({
        txn_id: refund.ok ? refund.value.refundTransactionId : '',
        parent_txn_id: transactionId,
        payment_status: 'Refunded',
        reason_code: 'refund',
        mc_gross: '-880',
      });

      for (const body of receiver.bodies) {
        const check = await fetch(`${t.url}/cgi-bin/webscr`, {
          method: 'POST',
          body: `cmd=_notify-validate&${body}`,
        });
        expect(await check.text()).toBe('VERIFIED');
      }
      const tampered = await fetch(`${t.url}/cgi-bin/webscr`, {
        method: 'POST',
        body: `cmd=_notify-validate&${receiver.bodies[0]?.replace('mc_gross=5880', 'mc_gross=1')}`,
      });
      expect(await tampered.text()).toBe('INVALID');
    } finally {
      await receiver.close();
    }
  });

  it('retries an IPN the listener did not accept', async () => {
    const receiver = await startIpnReceiver([500, 503]);
    try {
      await paidCheckout(t, 'W-4202', teaOrder('W-4202', { notifyUrl: receiver.url }));
      await t.sandbox.ipnSettled();

      expect(receiver.bodies).toHaveLength(3);
      expect(new Set(receiver.bodies).size).toBe(1);
      const { body } = await t.sim('/sim/ipn');
      expect(body.deliveries).toEqual([
        expect.objectContaining({ kind: 'payment', status: 'delivered', attempts: 3 }),
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after the configured retries', async () => {
    const receiver = await startIpnReceiver([500, 500, 500, 500]);
    try {
      await paidCheckout(t, 'W-4203', teaOrder('W-4203', { notifyUrl: receiver.url }));
      await t.sandbox.ipnSettled();

      const { body } = await t.sim('/sim/ipn');
      expect(body.deliveries).toEqual([
        expect.objectContaining({ status: 'failed', attempts: 3, lastError: 'HTTP 500' }),
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('posts a void IPN', async () => {
    const receiver = await startIpnReceiver();
    try {
      const payment = teaOrder('W-4204', {
        notifyUrl: receiver.url,
        paymentAction: 'Authorization',
      });
      const { transactionId } = await paidCheckout(t, 'W-4204', payment);
      await t.client.doVoid({ authorizationId: transactionId });
      await t.sandbox.ipnSettled();

      const messages = receiver.bodies.map((b) => Object.fromEntries(new URLSearchParams(b)));
      expect(messages.map((m) => m.payment_status)).toEqual(['Pending', 'Voided']);
      expect(messages[1]).toMatchObject({ txn_id: transactionId, auth_status: 'Voided' });
    } finally {
      await receiver.close();
    }
  });

  it('does not post to a notify URL off this machine', async () => {
    const posted: string[] = [];
    await t.close();
    t = await startSandbox({
      ipnFetch: async (input) => {
        posted.push(String(input));

        return new Response('');
      },
    });

    await paidCheckout(t, 'W-4205', teaOrder('W-4205', { notifyUrl: 'https://shop.example/ipn' }));
    await t.sandbox.ipnSettled();

    expect(posted).toEqual([]);
    expect((await t.sim('/sim/ipn')).body.deliveries).toEqual([
      expect.objectContaining({ status: 'refused', url: 'https://shop.example/ipn' }),
    ]);
  });
});

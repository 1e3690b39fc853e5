import { describe, expect, it } from 'vitest';
import { NvpClient } from '../src/nvp/client.ts';
import type { NvpLine, NvpPaymentRequest } from '../src/nvp/types.ts';
import { fakeFetch, fixture } from './helpers/fake-fetch.ts';

const credentials = {
  username: 'merchant_api1.shop.test',
  password: 'S3CRETPASSWORD',
  signature: 'SIGNATURE-SECRET-abc',
};

const sencha: NvpLine = { name: '煎茶 100g', sku: 'TEA-100', unitAmount: 1600, quantity: 3 };

const payment: NvpPaymentRequest = {
  currency: 'JPY',
  itemTotal: 4800,
  shipping: 600,
  tax: 408,
  total: 5808,
  lines: [sencha],
  invoiceId: 'W-000123',
  notifyUrl: 'http://127.0.0.1:4000/paypal/ipn',
  custom: 'order:42',
};

function clientAnswering(name: string) {
  const fake = fakeFetch(fixture(name));
  const client = new NvpClient({
    endpoint: 'http://127.0.0.1:9/nvp',
    credentials,
    fetch: fake.fetch,
  });

  return { client, requests: fake.requests };
}

describe('NvpClient against recorded PayPal answers', () => {
  it('sends SetExpressCheckout with PayPal field names and reads the token', async () => {
    const { client, requests } = clientAnswering('set-express-checkout-success');

    const result = await client.setExpressCheckout({
      payment,
      returnUrl: 'http://127.0.0.1:3000/checkout/paypal/return?order=42',
      cancelUrl: 'http://127.0.0.1:3000/checkout/paypal/cancel?order=42',
      localeCode: 'ja_JP',
      brandName: '卸売ストア',
    });

    expect(result).toMatchObject({
      ok: true,
      ack: 'Success',
      correlationId: '3f7c4a7bde4a1',
      value: { token: 'EC-8XB27384HS383672E' },
      warnings: [],
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.contentType).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(requests[0]?.fields).toEqual({
      METHOD: 'SetExpressCheckout',
      VERSION: '204.0',
      USER: credentials.username,
      PWD: credentials.password,
      SIGNATURE: credentials.signature,
      PAYMENTREQUEST_0_PAYMENTACTION: 'Sale',
      PAYMENTREQUEST_0_AMT: '5808',
      PAYMENTREQUEST_0_CURRENCYCODE: 'JPY',
      PAYMENTREQUEST_0_ITEMAMT: '4800',
      PAYMENTREQUEST_0_SHIPPINGAMT: '600',
      PAYMENTREQUEST_0_TAXAMT: '408',
      PAYMENTREQUEST_0_INVNUM: 'W-000123',
      PAYMENTREQUEST_0_NOTIFYURL: 'http://127.0.0.1:4000/paypal/ipn',
      PAYMENTREQUEST_0_CUSTOM: 'order:42',
      L_PAYMENTREQUEST_0_NAME0: '煎茶 100g',
      L_PAYMENTREQUEST_0_NUMBER0: 'TEA-100',
      L_PAYMENTREQUEST_0_AMT0: '1600',
      L_PAYMENTREQUEST_0_QTY0: '3',
      RETURNURL: 'http://127.0.0.1:3000/checkout/paypal/return?order=42',
      CANCELURL: 'http://127.0.0.1:3000/checkout/paypal/cancel?order=42',
      SOLUTIONTYPE: 'Sole',
      LANDINGPAGE: 'Billing',
      NOSHIPPING: '1',
      LOCALECODE: 'ja_JP',
      BRANDNAME: '卸売ストア',
    });
  });

  it('cuts a long line name to 127 characters before sending', async () => {
    const { client, requests } = clientAnswering('set-express-checkout-success');
    const name = '業務用'.repeat(60);

    await client.setExpressCheckout({
      payment: { ...payment, lines: [{ ...sencha, name }] },
      returnUrl: 'http://127.0.0.1:3000/r',
      cancelUrl: 'http://127.0.0.1:3000/c',
    });

    expect(requests[0]?.fields.L_PAYMENTREQUEST_0_NAME0).toBe(name.slice(0, 127));
  });

  it('refuses to send a payment whose lines do not add up to the item total', async () => {
    const { client, requests } = clientAnswering('set-express-checkout-success');

    await expect(
      client.setExpressCheckout({
        payment: { ...payment, itemTotal: 4801, total: 5809 },
        returnUrl: 'http://127.0.0.1:3000/r',
        cancelUrl: 'http://127.0.0.1:3000/c',
      }),
    ).rejects.toThrow(/Item total 4801 does not equal the sum of the lines 4800/);
    expect(requests).toHaveLength(0);
  });

  it('refuses to send a total that is not items + shipping + tax', async () => {
    const { client } = clientAnswering('set-express-checkout-success');

    await expect(
      client.doExpressCheckoutPayment({
        token: 'EC-8XB27384HS383672E',
        payerId: 'DEMOBUYER0000001',
        payment: { ...payment, total: 5800 },
      }),
    ).rejects.toThrow(/Total 5800 does not equal items \+ shipping \+ tax = 5808/);
  });

  it('turns a security error into a failure with the error items', async () => {
    const { client } = clientAnswering('security-error');

    const result = await client.getExpressCheckoutDetails('EC-8XB27384HS383672E');

    expect(result).toEqual({
      ok: false,
      ack: 'Failure',
      correlationId: '8a3c1d5e2f7b9',
      errors: [
        {
          code: '10002',
          shortMessage: 'Security error',
          longMessage: 'Security header is not valid',
          severity: 'Error',
        },
      ],
      raw: expect.objectContaining({ ACK: 'Failure', L_ERRORCODE0: '10002' }),
    });
  });

  it('reads the approved checkout details, Japanese names included', async () => {
    const { client, requests } = clientAnswering('get-express-checkout-details-approved');

    const result = await client.getExpressCheckoutDetails('EC-8XB27384HS383672E');

    expect(requests[0]?.fields).toMatchObject({
      METHOD: 'GetExpressCheckoutDetails',
      TOKEN: 'EC-8XB27384HS383672E',
    });
    expect(result.ok && result.value).toEqual({
      token: 'EC-8XB27384HS383672E',
      checkoutStatus: 'PaymentActionNotInitiated',
      payerId: 'DEMOBUYER0000001',
      payerEmail: 'paypal-buyer@example.com',
      payerStatus: 'verified',
      firstName: '太郎',
      lastName: '山田',
      currency: 'JPY',
      total: 5808,
      invoiceId: 'W-000123',
    });
  });

  it('sends DoExpressCheckoutPayment with the token, payer, payment and MSGSUBID', async () => {
    const { client, requests } = clientAnswering('do-express-checkout-payment-completed');

    const result = await client.doExpressCheckoutPayment({
      token: 'EC-8XB27384HS383672E',
      payerId: 'DEMOBUYER0000001',
      payment,
      msgSubId: 'order-W-000123-pay',
    });

    expect(requests[0]?.fields).toMatchObject({
      METHOD: 'DoExpressCheckoutPayment',
      TOKEN: 'EC-8XB27384HS383672E',
      PAYERID: 'DEMOBUYER0000001',
      PAYMENTREQUEST_0_AMT: '5808',
      PAYMENTREQUEST_0_PAYMENTACTION: 'Sale',
      MSGSUBID: 'order-W-000123-pay',
    });
    expect(result.ok && result.value).toEqual({
      transactionId: '8MC585209K746392H',
      paymentStatus: 'Completed',
      currency: 'JPY',
      amount: 5808,
      fee: 249,
    });
  });

  it('treats a duplicate MSGSUBID answer as success carrying the original payment', async () => {
    const { client } = clientAnswering('do-express-checkout-payment-duplicate');

    const result = await client.doExpressCheckoutPayment({
      token: 'EC-8XB27384HS383672E',
      payerId: 'DEMOBUYER0000001',
      payment,
      msgSubId: 'order-W-000123-pay',
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;

    expect(result.ack).toBe('SuccessWithWarning');
    expect(result.warnings.map((w) => w.code)).toEqual(['11607']);
    expect(result.value.transactionId).toBe('8MC585209K746392H');
  });

  it('reads every error item of a declined payment', async () => {
    const { client } = clientAnswering('do-express-checkout-payment-declined');

    const result = await client.doExpressCheckoutPayment({
      token: 'EC-8XB27384HS383672E',
      payerId: 'DEMOBUYER0000001',
      payment,
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;

    expect(result.errors.map((e) => [e.code, e.shortMessage])).toEqual([
      ['10486', "This transaction couldn't be completed."],
      ['10422', 'Customer must choose new funding sources.'],
    ]);
  });

  it('reads a partial refund', async () => {
    const { client, requests } = clientAnswering('refund-transaction-partial');

    const result = await client.refundTransaction({
      transactionId: '8MC585209K746392H',
      type: 'Partial',
      amount: 1000,
      currency: 'JPY',
      msgSubId: 'refund-1',
      note: '一部返品',
    });

    expect(requests[0]?.fields).toMatchObject({
      METHOD: 'RefundTransaction',
      TRANSACTIONID: '8MC585209K746392H',
      REFUNDTYPE: 'Partial',
      AMT: '1000',
      CURRENCYCODE: 'JPY',
      MSGSUBID: 'refund-1',
      NOTE: '一部返品',
    });
    expect(result.ok && result.value).toEqual({
      refundTransactionId: '4PW12785XP6103722',
      grossRefundAmount: 1000,
      totalRefundedAmount: 1000,
      feeRefundAmount: 0,
      netRefundAmount: 1000,
      refundStatus: 'Instant',
    });
  });

  it('refuses a partial refund without an amount and a full refund with one', async () => {
    const { client, requests } = clientAnswering('refund-transaction-partial');

    await expect(
      client.refundTransaction({ transactionId: 'X', type: 'Partial', currency: 'JPY' }),
    ).rejects.toThrow(RangeError);
    await expect(
      client.refundTransaction({ transactionId: 'X', type: 'Full', amount: 1, currency: 'JPY' }),
    ).rejects.toThrow(RangeError);
    expect(requests).toHaveLength(0);
  });

  it('reads transaction details', async () => {
    const { client } = clientAnswering('get-transaction-details');

    const result = await client.getTransactionDetails('8MC585209K746392H');

    expect(result.ok && result.value).toEqual({
      transactionId: '8MC585209K746392H',
      transactionType: 'expresscheckout',
      paymentType: 'instant',
      paymentStatus: 'Partially-Refunded',
      currency: 'JPY',
      amount: 5808,
      fee: 249,
      invoiceId: 'W-000123',
      payerId: 'DEMOBUYER0000001',
      payerEmail: 'paypal-buyer@example.com',
      orderTime: '2026-01-15T20:33:40Z',
    });
  });

  it('reads a void', async () => {
    const { client, requests } = clientAnswering('do-void');

    const result = await client.doVoid({ authorizationId: '5VT47921C8214380A', note: '取消' });

    expect(requests[0]?.fields).toMatchObject({
      METHOD: 'DoVoid',
      AUTHORIZATIONID: '5VT47921C8214380A',
      NOTE: '取消',
    });
    expect(result.ok && result.value).toEqual({ authorizationId: '5VT47921C8214380A' });
  });

  it('sends a full capture with its amount and reads the sale it made', async () => {
    const { client, requests } = clientAnswering('do-capture');

    const result = await client.doCapture({
      authorizationId: '5VT47921C8214380A',
      amount: 5808,
      currency: 'JPY',
      invoiceId: 'W-000123',
      msgSubId: 'capture-1',
    });

    expect(requests[0]?.fields).toMatchObject({
      METHOD: 'DoCapture',
      AUTHORIZATIONID: '5VT47921C8214380A',
      AMT: '5808',
      CURRENCYCODE: 'JPY',
      COMPLETETYPE: 'Complete',
      INVNUM: 'W-000123',
      MSGSUBID: 'capture-1',
    });
    expect(result.ok && result.value).toEqual({
      authorizationId: '5VT47921C8214380A',
      transactionId: '3GJ62813L9425472B',
      parentTransactionId: '5VT47921C8214380A',
      paymentStatus: 'Completed',
      currency: 'JPY',
      amount: 5808,
      fee: 249,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeReturnMutation, startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import {
  approveAtPayPal,
  demoLogins,
  failNextAtPayPal,
  holdNextPaymentAtPayPal,
  paypalTransactions,
  productIdsBySku,
  startTestApp,
} from './harness.ts';
import { databaseKinds } from './test-database.ts';

describe.each(databaseKinds())('PayPal payments that race or fail, on %s', (kind) => {
  let app: TestApp;
  let buyer: GraphQLCaller;
  let productIds: Map<string, string>;

  beforeAll(async () => {
    app = await startTestApp(kind);
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    productIds = await productIdsBySku(buyer);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function startPayPal(sku = 'TW-1003', quantity = 1) {
    const result = await buyer(startCheckoutMutation, {
      input: { lines: [{ productId: productIds.get(sku), quantity }], paymentMethod: 'PAYPAL' },
    });

    return result.data.startCheckout;
  }

  const callsOf = (method: string) => app.nvpCalls.filter((call) => call === method).length;

  it('pays once when five returns of the same token race', async () => {
    const started = await startPayPal('TW-1002', 1);
    const returned = await approveAtPayPal(app, started.redirectUrl);
    const before = callsOf('DoExpressCheckoutPayment');
    await app.deliverEmails();
    const emailsBefore = app.sent.length;

    const results = await Promise.all(
      Array.from({ length: 5 }, () => buyer(completeReturnMutation, { input: returned })),
    );

    for (const result of results) {
      expect(result.data.completePayPalReturn.order).toMatchObject({
        status: 'NEW',
        paymentStatus: 'PAID',
      });
    }
    expect(callsOf('DoExpressCheckoutPayment') - before).toBe(1);
    const paid = (await paypalTransactions(app)).filter(
      (t) => t.invoiceId === started.order.number,
    );
    expect(paid).toHaveLength(1);
    await app.deliverEmails();
    expect(app.sent.length - emailsBefore).toBe(1);
    const product = await app.db.product.findUniqueOrThrow({ where: { sku: 'TW-1002' } });
    expect(product.stock).toBe(200 - 1);
  });

  it('never oversells when buyers race for the last units', async () => {
    const product = await app.db.product.create({
      data: {
        sku: 'RACE-1',
        nameJa: '限定品',
        nameEn: 'Limited item',
        price: 1000,
        taxRate: 10,
        stock: 3,
      },
    });
    const { encodeGlobalID } = await import('@pothos/plugin-relay');
    const transfer = app.graphql(await app.logIn(demoLogins.transferMember));
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? buyer : transfer)(startCheckoutMutation, {
          input: {
            lines: [{ productId: encodeGlobalID('Product', product.id), quantity: 1 }],
            paymentMethod: 'BANK_TRANSFER',
          },
        }),
      ),
    );
    const outcomes = attempts.map((attempt) => attempt.data.startCheckout.__typename).sort();

    expect(outcomes).toEqual([
      ...Array(5).fill('InsufficientStockError'),
      ...Array(3).fill('StartCheckoutPayload'),
    ]);
    expect((await app.db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
    expect(await app.db.orderLine.count({ where: { productId: product.id } })).toBe(3);
  });

  it('settles from PayPal’s answer after DoExpressCheckoutPayment went unanswered', async () => {
    const started = await startPayPal();
    const returned = await approveAtPayPal(app, started.redirectUrl);
    // 10001 is PayPal's internal error: the client treats it as an answer, so use a real
    // transport failure instead: a timeout is simulated by failing the first fetch.
    const realFetch = globalThis.fetch;
    let dropped = false;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      const method = new URLSearchParams(String(init?.body ?? '')).get('METHOD');
      if (method === 'DoExpressCheckoutPayment' && !dropped) {
        dropped = true;
        throw new TypeError('fetch failed: connection reset after the request was sent');
      }

      return response;
    }) as typeof fetch;
    try {
      const result = (await buyer(completeReturnMutation, { input: returned })).data
        .completePayPalReturn;

      expect(dropped).toBe(true);
      expect(result.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
      const paid = (await paypalTransactions(app)).filter(
        (t) => t.invoiceId === started.order.number,
      );
      expect(paid).toHaveLength(1);
      expect(result.order.paypal.transactionId).toBe(paid[0]?.id);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('settles from GetExpressCheckoutDetails, without paying again, a token PayPal already paid', async () => {
    const started = await startPayPal();
    const returned = await approveAtPayPal(app, started.redirectUrl);
    // An earlier request paid and its answer was lost: PayPal refuses a second
    // DoExpressCheckoutPayment with 10415, so the shop must ask PayPal first.
    const { orderId } = await app.db.payment.findUniqueOrThrow({
      where: { paypalToken: returned.token },
    });
    const order = await app.db.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { lines: { orderBy: { position: 'asc' } } },
    });
    const { NvpClient } = await import('@wholesale/paypal/nvp');
    const { DEMO_CREDENTIALS } = await import('@wholesale/paypal/sandbox-demo');
    const direct = new NvpClient({
      endpoint: `${app.paypal.url}/nvp`,
      credentials: DEMO_CREDENTIALS,
    });
    const request = {
      token: returned.token,
      payerId: returned.payerId,
      payment: {
        currency: 'JPY',
        itemTotal: order.subtotal,
        shipping: order.shipping,
        tax: order.tax,
        total: order.total,
        invoiceId: String(order.number),
        lines: order.lines.map((line) => ({
          name: line.productName,
          sku: line.sku,
          unitAmount: line.unitPrice,
          quantity: line.quantity,
        })),
      },
    };
    const paid = await direct.doExpressCheckoutPayment(request);
    expect(paid.ok).toBe(true);
    const again = await direct.doExpressCheckoutPayment(request);
    expect(again.ok ? null : again.errors[0]?.code).toBe('10415');

    const before = callsOf('DoExpressCheckoutPayment');
    const result = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;
    expect(result.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    expect(result.order.paypal.transactionId).toBe(paid.ok ? paid.value.transactionId : null);
    expect(callsOf('DoExpressCheckoutPayment')).toBe(before);
  });

  it('holds a payment PayPal is reviewing as PENDING, with no order email yet', async () => {
    const started = await startPayPal();
    const returned = await approveAtPayPal(app, started.redirectUrl);
    await holdNextPaymentAtPayPal(app, 'paymentreview');
    const result = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;

    expect(result.order).toMatchObject({ status: 'NEW', paymentStatus: 'PENDING' });
    await app.deliverEmails();
    expect(app.sent.filter((email) => email.subject.includes(started.order.number))).toEqual([]);
    const payment = await app.db.payment.findUniqueOrThrow({
      where: { paypalToken: returned.token },
    });
    expect(payment).toMatchObject({
      status: 'PENDING',
      paypalPaymentStatus: 'Pending (paymentreview)',
    });
  });

  it('tells the merchant in the settings when PayPal refuses the credentials, until it accepts them', async () => {
    const staff = app.graphql(await app.logIn(demoLogins.staff));
    const lastError = async () =>
      (await app.db.payPalAccount.findUniqueOrThrow({ where: { id: 1 } })).lastErrorCode;
    await failNextAtPayPal(app, 'SetExpressCheckout', '10002');

    const refused = await startPayPal();
    expect(refused).toMatchObject({ __typename: 'PayPalError', paypalCode: '10002' });
    expect(refused.buyerMessageJa).not.toContain('10002');
    expect(await lastError()).toBe('10002');
    const settings = await staff(
      '{ paymentSettings { paypal { lastError { code message at } } } }',
    );
    expect(settings.data.paymentSettings.paypal.lastError.code).toBe('10002');
    expect(settings.data.paymentSettings.paypal.lastError.message).toMatch(/API/);

    expect((await startPayPal()).__typename).toBe('StartCheckoutPayload');
    expect(await lastError()).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelReturnMutation,
  completeReturnMutation,
  orderByNumberQuery,
  productsQuery,
  startCheckoutMutation,
} from './documents.ts';
import type { TestApp } from './harness.ts';
import {
  approveAtPayPal,
  demoLogins,
  failNextAtPayPal,
  paypalTransactions,
  startTestApp,
} from './harness.ts';
import { databaseKinds } from './test-database.ts';

describe.each(databaseKinds())('checkout on %s', (kind) => {
  let app: TestApp;
  let buyer: Awaited<ReturnType<TestApp['graphql']>> extends never
    ? never
    : ReturnType<TestApp['graphql']>;
  let products: {
    id: string;
    sku: string;
    price: { amount: number };
    taxRate: number;
    stock: number;
  }[];

  beforeAll(async () => {
    app = await startTestApp(kind);
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    products = (await buyer(productsQuery)).data.products.edges.map(
      (edge: { node: unknown }) => edge.node,
    );
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const product = (sku: string) => {
    const found = products.find((candidate) => candidate.sku === sku);
    if (!found) throw new Error(`no product ${sku}`);

    return found;
  };
  const tokenOf = (url: string) => new URL(url).searchParams.get('token');
  const stockOf = async (sku: string) =>
    (await app.db.product.findUniqueOrThrow({ where: { sku } })).stock;

  async function startPayPal(lines: { sku: string; quantity: number }[]) {
    const result = await buyer(startCheckoutMutation, {
      input: {
        lines: lines.map((line) => ({ productId: product(line.sku).id, quantity: line.quantity })),
        paymentMethod: 'PAYPAL',
      },
    });

    return result.data.startCheckout;
  }

  it('takes a PayPal order as 送信未完, pays it on return, and sends the order email once', async () => {
    const stockBefore = await stockOf('TW-1001');
    const started = await startPayPal([
      { sku: 'TW-1001', quantity: 3 },
      { sku: 'FD-3003', quantity: 7 },
    ]);

    expect(started.__typename).toBe('StartCheckoutPayload');
    expect(started.order).toMatchObject({
      status: 'PAYMENT_INCOMPLETE',
      paymentStatus: 'UNPAID',
      paymentMethod: 'PAYPAL',
      subtotal: { amount: 1980 * 3 + 648 * 7 },
      // 10% of 5,940 is 594; 8% of 4,536 is 362.88, rounded down once for the rate: 362.
      tax: { amount: 594 + 362 },
      total: { amount: 5940 + 4536 + 956 },
    });
    expect(started.redirectUrl).toMatch(
      new RegExp(
        `^${app.paypal.url}/cgi-bin/webscr\\?cmd=_express-checkout&token=EC-[A-Z0-9]{17}&useraction=commit$`,
      ),
    );
    expect(await stockOf('TW-1001')).toBe(stockBefore - 3);

    const returned = await approveAtPayPal(app, started.redirectUrl);
    const completed = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;

    expect(completed.__typename).toBe('CompletePayPalReturnPayload');
    expect(completed.order).toMatchObject({
      number: started.order.number,
      status: 'NEW',
      paymentStatus: 'PAID',
      total: { amount: 11432 },
      paypal: {
        token: returned.token,
        payerId: returned.payerId,
        payerEmail: 'paypal-buyer@example.com',
      },
    });
    const transactions = (await paypalTransactions(app)).filter(
      (transaction) => transaction.invoiceId === started.order.number,
    );
    expect(transactions).toHaveLength(1);
    expect(transactions[0]?.amount).toBe(11432);
    expect(completed.order.paypal.transactionId).toBe(transactions[0]?.id);

    // A reloaded return page: same answer, no second payment, no second email.
    const again = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;
    expect(again.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    await app.deliverEmails();
    const emails = app.sent.filter((email) => email.subject.includes(started.order.number));
    expect(emails).toHaveLength(1);
    expect(emails[0]?.to).toBe('buyer@example.com');
    expect(emails[0]?.text).toContain('¥11,432');
    // Tax per rate, as a qualified invoice shows it; the 8% lines are marked.
    expect(emails[0]?.text).toContain('10%対象 / 10% taxable: ¥5,940  消費税 / tax: ¥594');
    expect(emails[0]?.text).toContain('8%対象 / 8% taxable: ¥4,536  消費税 / tax: ¥362');
    expect(emails[0]?.text).toContain('草加せんべい 12枚入 (FD-3003) × 7  ¥4,536 ※');
    expect(
      (await paypalTransactions(app)).filter(
        (transaction) => transaction.invoiceId === started.order.number,
      ),
    ).toHaveLength(1);
  });

  it('keeps the exact lines, tax per rate, shipping and PayPal ids on the order', async () => {
    const started = await startPayPal([
      { sku: 'FD-3001', quantity: 2 },
      { sku: 'TW-1003', quantity: 1 },
    ]);
    await buyer(completeReturnMutation, { input: await approveAtPayPal(app, started.redirectUrl) });
    const order = (await buyer(orderByNumberQuery, { number: started.order.number })).data.order;

    expect(order.lines).toEqual([
      {
        productName: '静岡 煎茶 100g',
        sku: 'FD-3001',
        unitPrice: { amount: 1080 },
        quantity: 2,
        taxRate: 8,
        amount: { amount: 2160 },
      },
      {
        productName: '竹製 箸 10膳',
        sku: 'TW-1003',
        unitPrice: { amount: 880 },
        quantity: 1,
        taxRate: 10,
        amount: { amount: 880 },
      },
    ]);
    // Under ¥10,000 the ¥800 shipping applies, and is taxed with the 10% lines.
    expect(order.shipping).toEqual({ amount: 800 });
    expect(order.taxBreakdown).toEqual([
      { rate: 10, taxableAmount: { amount: 880 + 800 }, tax: { amount: 168 } },
      { rate: 8, taxableAmount: { amount: 2160 }, tax: { amount: 172 } },
    ]);
    expect(order.total).toEqual({ amount: 3040 + 800 + 168 + 172 });
    const paid = (await paypalTransactions(app)).find(
      (transaction) => transaction.invoiceId === started.order.number,
    );
    expect(paid?.amount).toBe(4180);
    expect(order.paypal.transactionId).toMatch(/^[A-Z0-9]{17}$/);
  });

  it('leaves an order 送信未完 with no email when the buyer cancels at PayPal', async () => {
    const started = await startPayPal([{ sku: 'PK-2002', quantity: 1 }]);
    const token = new URL(started.redirectUrl).searchParams.get('token');
    const cancelled = (await buyer(cancelReturnMutation, { input: { token } })).data
      .cancelPayPalReturn;

    expect(cancelled.order).toEqual({
      number: started.order.number,
      status: 'PAYMENT_INCOMPLETE',
      paymentStatus: 'UNPAID',
    });
    await app.deliverEmails();
    expect(app.sent.filter((email) => email.subject.includes(started.order.number))).toEqual([]);
  });

  it('leaves an order 送信未完 with no email when the buyer never comes back', async () => {
    const started = await startPayPal([{ sku: 'PK-2001', quantity: 1 }]);
    await app.deliverEmails();
    const order = (await buyer(orderByNumberQuery, { number: started.order.number })).data.order;

    expect(order).toMatchObject({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' });
    expect(app.sent.filter((email) => email.subject.includes(started.order.number))).toEqual([]);
  });

  it('takes a bank transfer order as 新規注文 and unpaid, with the email', async () => {
    const result = await buyer(startCheckoutMutation, {
      input: {
        lines: [{ productId: product('FD-3002').id, quantity: 2 }],
        paymentMethod: 'BANK_TRANSFER',
      },
    });
    const { order, redirectUrl } = result.data.startCheckout;

    expect(redirectUrl).toBeNull();
    expect(order).toMatchObject({
      status: 'NEW',
      paymentStatus: 'UNPAID',
      total: { amount: 4320 + 800 + 80 + 345 },
    });
    await app.deliverEmails();
    const emails = app.sent.filter((email) => email.subject.includes(order.number));
    expect(emails).toHaveLength(1);
    // The buyer learns where to pay: the merchant's description of bank transfer.
    expect(emails[0]?.text).toContain('サンプル銀行 本店営業部 普通 1234567');
    const instructions = await buyer(
      'query ($n: String!) { order(number: $n) { paymentInstructions } }',
      { n: order.number },
    );
    expect(instructions.data.order.paymentInstructions).toContain('サンプル銀行');
  });

  it('makes one order of one confirmation page, however often or at once 注文確定 is sent', async () => {
    const before = await stockOf('FD-3004');
    const input = {
      lines: [{ productId: product('FD-3004').id, quantity: 1 }],
      paymentMethod: 'BANK_TRANSFER',
      checkoutKey: `page-${kind}-1`,
    };
    const results = await Promise.all([1, 2, 3].map(() => buyer(startCheckoutMutation, { input })));
    const again = await buyer(startCheckoutMutation, { input });

    const numbers = [...results, again].map((result) => result.data.startCheckout.order.number);
    expect(new Set(numbers).size).toBe(1);
    expect(await stockOf('FD-3004')).toBe(before - 1);
    await app.deliverEmails();
    expect(app.sent.filter((email) => email.subject.includes(numbers[0]))).toHaveLength(1);

    // Another page of the same cart is another order.
    const next = await buyer(startCheckoutMutation, {
      input: { ...input, checkoutKey: `page-${kind}-2` },
    });
    expect(next.data.startCheckout.order.number).not.toBe(numbers[0]);
  });

  it('sends a repeated PayPal 注文確定 to the same PayPal page, not to a second order', async () => {
    const input = {
      lines: [{ productId: product('TW-1001').id, quantity: 1 }],
      paymentMethod: 'PAYPAL',
      checkoutKey: `page-${kind}-paypal`,
    };
    const calls = app.nvpCalls.length;
    const first = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    // The buyer came back from PayPal with the back button and pressed 注文確定 again.
    const second = (await buyer(startCheckoutMutation, { input })).data.startCheckout;

    expect(second).toEqual(first);
    expect(app.nvpCalls.slice(calls)).toEqual(['SetExpressCheckout']);

    // Once paid, the page's key answers the paid order and sends no one to PayPal.
    await buyer(completeReturnMutation, { input: await approveAtPayPal(app, first.redirectUrl) });
    const after = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    expect(after).toMatchObject({
      redirectUrl: null,
      order: { number: first.order.number, status: 'NEW', paymentStatus: 'PAID' },
    });
  });

  it('pays the same order again when 注文確定 is repeated after cancelling at PayPal, by PayPal or by transfer', async () => {
    const input = {
      lines: [{ productId: product('TW-1002').id, quantity: 1 }],
      paymentMethod: 'PAYPAL',
      checkoutKey: `page-${kind}-cancelled-at-paypal`,
    };
    const first = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    await buyer(cancelReturnMutation, { input: { token: tokenOf(first.redirectUrl) } });

    const again = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    expect(again.order.number).toBe(first.order.number);
    expect(tokenOf(again.redirectUrl)).not.toBe(tokenOf(first.redirectUrl));

    const byTransfer = (
      await buyer(startCheckoutMutation, { input: { ...input, paymentMethod: 'BANK_TRANSFER' } })
    ).data.startCheckout;
    expect(byTransfer).toMatchObject({
      redirectUrl: null,
      order: {
        number: first.order.number,
        status: 'NEW',
        paymentStatus: 'UNPAID',
        paymentMethod: 'BANK_TRANSFER',
      },
    });
  });

  it('orders a cart anew once the order its key made is cancelled', async () => {
    const input = {
      lines: [{ productId: product('TW-1002').id, quantity: 1 }],
      paymentMethod: 'BANK_TRANSFER',
      checkoutKey: `page-${kind}-cancelled`,
    };
    const first = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    const staff = app.graphql(await app.logIn(demoLogins.staff));
    await staff(
      'mutation ($id: ID!) { cancelOrder(input: { orderId: $id, refundAtPayPal: false }) { __typename } }',
      { id: first.order.id },
    );

    const again = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    expect(again.order).toMatchObject({ status: 'NEW' });
    expect(again.order.number).not.toBe(first.order.number);
  });

  it('orders nothing when the total is no longer the one the buyer confirmed', async () => {
    const before = await stockOf('FD-3002');
    const result = await buyer(
      'mutation ($input: StartCheckoutInput!) { startCheckout(input: $input) { __typename ... on CheckoutTotalChangedError { code total { amount } } } }',
      {
        input: {
          lines: [{ productId: product('FD-3002').id, quantity: 2 }],
          paymentMethod: 'BANK_TRANSFER',
          expectedTotal: 1848,
        },
      },
    );

    expect(result.data.startCheckout).toEqual({
      __typename: 'CheckoutTotalChangedError',
      code: 'CHECKOUT_TOTAL_CHANGED',
      total: { amount: 4320 + 800 + 80 + 345 },
    });
    expect(await stockOf('FD-3002')).toBe(before);
  });

  it('refuses PayPal to a member who is not allowed it, whatever the client sends', async () => {
    const transfer = app.graphql(await app.logIn(demoLogins.transferMember));
    const ordersBefore = await app.db.order.count();
    const result = await transfer(startCheckoutMutation, {
      input: {
        lines: [{ productId: product('TW-1002').id, quantity: 1 }],
        paymentMethod: 'PAYPAL',
      },
    });

    expect(result.data.startCheckout).toMatchObject({
      __typename: 'PaymentMethodNotAllowedError',
      code: 'PAYMENT_METHOD_NOT_ALLOWED',
      method: 'PAYPAL',
    });
    expect(await app.db.order.count()).toBe(ordersBefore);
    expect(
      (await transfer('{ checkoutPaymentMethods { method } }')).data.checkoutPaymentMethods,
    ).toEqual([{ method: 'BANK_TRANSFER' }]);
  });

  it('refuses more than the stock and leaves the stock as it was', async () => {
    const result = await startPayPal([{ sku: 'FD-3007', quantity: 4 }]);

    expect(result).toMatchObject({
      __typename: 'InsufficientStockError',
      available: 3,
      productId: product('FD-3007').id,
    });
    expect(await stockOf('FD-3007')).toBe(3);
  });

  it('withdraws the order and releases its stock when PayPal refuses the credentials', async () => {
    await failNextAtPayPal(app, 'SetExpressCheckout', '10002');
    const ordersBefore = await app.db.order.count();
    const stockBefore = await stockOf('TW-1002');
    const result = await startPayPal([{ sku: 'TW-1002', quantity: 2 }]);

    expect(result).toMatchObject({
      __typename: 'PayPalError',
      code: 'PAYPAL_ERROR',
      paypalCode: '10002',
      retryUrl: null,
    });
    expect(result.buyerMessageJa).toContain('PayPal');
    expect(await app.db.order.count()).toBe(ordersBefore);
    expect(await stockOf('TW-1002')).toBe(stockBefore);
  });

  it('sends the buyer back to PayPal with the same token when the funding source is declined', async () => {
    const started = await startPayPal([{ sku: 'TW-1003', quantity: 1 }]);
    const returned = await approveAtPayPal(app, started.redirectUrl);
    await failNextAtPayPal(app, 'DoExpressCheckoutPayment', '10486');
    const declined = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;

    expect(declined).toMatchObject({ __typename: 'PayPalError', paypalCode: '10486' });
    expect(declined.retryUrl).toBe(started.redirectUrl);
    const order = (await buyer(orderByNumberQuery, { number: started.order.number })).data.order;
    expect(order).toMatchObject({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' });

    // The next DoExpressCheckoutPayment carries a new MSGSUBID, so PayPal cannot answer it
    // with the refusal it gave the first one.
    const payment = await app.db.payment.findUniqueOrThrow({
      where: { paypalToken: returned.token },
    });
    expect(payment).toMatchObject({ paypalAttempts: 1, errorCode: '10486' });

    const retried = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;
    expect(retried.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
  });

  it('does not let one member complete or read another member’s order', async () => {
    const started = await startPayPal([{ sku: 'TW-1003', quantity: 1 }]);
    const returned = await approveAtPayPal(app, started.redirectUrl);
    const other = app.graphql(await app.logIn(demoLogins.transferMember));

    const completed = (await other(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;
    expect(completed).toMatchObject({ __typename: 'OrderNotFoundError', code: 'ORDER_NOT_FOUND' });
    expect(
      (await other(orderByNumberQuery, { number: started.order.number })).data.order,
    ).toBeNull();
    const ids = (await other('{ orders(first: 50) { edges { node { number } } } }')).data.orders
      .edges;
    expect(ids.map((edge: { node: { number: string } }) => edge.node.number)).not.toContain(
      started.order.number,
    );
  });
});

import { expireUnpaidOrders } from '@wholesale/schema/orders/expire-unpaid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelReturnMutation,
  completeReturnMutation,
  orderByNumberQuery,
  startCheckoutMutation,
} from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import {
  allowCashOnDelivery,
  approveAtPayPal,
  demoLogins,
  failNextAtPayPal,
  paypalTransactions,
  productIdsBySku,
  startTestApp,
} from './harness.ts';
import { databaseKinds } from './test-database.ts';

const payOrderMutation = /* GraphQL */ `
  mutation ($input: PayOrderInput!) {
    payOrder(input: $input) {
      __typename
      ... on PayOrderPayload { redirectUrl order { number status paymentStatus paymentMethod } }
      ... on Error { code message }
      ... on OrderNotPayableError { status paymentStatus }
    }
  }
`;

describe.each(databaseKinds())('unpaid orders (送信未完) on %s', (kind) => {
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

  async function startPayPal(sku = 'PK-2002', quantity = 1) {
    const result = await buyer(startCheckoutMutation, {
      input: { lines: [{ productId: productIds.get(sku), quantity }], paymentMethod: 'PAYPAL' },
    });

    return result.data.startCheckout;
  }

  const payOrder = (orderId: string, paymentMethod: string, caller = buyer) =>
    caller(payOrderMutation, { input: { orderId, paymentMethod } }).then(
      (result) => result.data.payOrder,
    );
  const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

  it('pays a cancelled order again with a new PayPal token, and refuses the old one', async () => {
    const started = await startPayPal();
    const oldReturn = await approveAtPayPal(app, started.redirectUrl);
    await buyer(cancelReturnMutation, { input: { token: oldReturn.token } });

    const again = await payOrder(started.order.id, 'PAYPAL');
    expect(again.__typename).toBe('PayOrderPayload');
    expect(tokenOf(again.redirectUrl)).not.toBe(oldReturn.token);
    expect(again.order).toMatchObject({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' });

    const stale = (await buyer(completeReturnMutation, { input: oldReturn })).data
      .completePayPalReturn;
    expect(stale).toMatchObject({ __typename: 'PayPalError' });
    const paid = await buyer(completeReturnMutation, {
      input: await approveAtPayPal(app, again.redirectUrl),
    });
    expect(paid.data.completePayPalReturn.order).toMatchObject({
      status: 'NEW',
      paymentStatus: 'PAID',
    });
    const transactions = (await paypalTransactions(app)).filter(
      (transaction) => transaction.invoiceId === started.order.number,
    );
    expect(transactions).toHaveLength(1);
  });

  it('starts a new PayPal payment for the same order after the PayPal session expired (10411)', async () => {
    const started = await startPayPal();
    const returned = await approveAtPayPal(app, started.redirectUrl);
    await app.advanceClock(3.5);
    const expired = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;

    expect(expired).toMatchObject({
      __typename: 'PayPalError',
      paypalCode: '10411',
      retryUrl: null,
    });
    const order = (await buyer(orderByNumberQuery, { number: started.order.number })).data.order;
    expect(order).toMatchObject({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' });

    const again = await payOrder(started.order.id, 'PAYPAL');
    const paid = await buyer(completeReturnMutation, {
      input: await approveAtPayPal(app, again.redirectUrl),
    });
    expect(paid.data.completePayPalReturn.order).toMatchObject({
      number: started.order.number,
      paymentStatus: 'PAID',
    });
  });

  it('lets the buyer switch to bank transfer when PayPal cannot fund the payment (10417)', async () => {
    const started = await startPayPal();
    const returned = await approveAtPayPal(app, started.redirectUrl);
    await failNextAtPayPal(app, 'DoExpressCheckoutPayment', '10417');
    const refused = (await buyer(completeReturnMutation, { input: returned })).data
      .completePayPalReturn;
    expect(refused).toMatchObject({
      __typename: 'PayPalError',
      paypalCode: '10417',
      retryUrl: null,
    });

    const switched = await payOrder(started.order.id, 'BANK_TRANSFER');
    expect(switched).toMatchObject({
      redirectUrl: null,
      order: { status: 'NEW', paymentStatus: 'UNPAID', paymentMethod: 'BANK_TRANSFER' },
    });
    await app.deliverEmails();
    expect(app.sent.filter((email) => email.subject.includes(started.order.number))).toHaveLength(
      1,
    );

    expect(await payOrder(started.order.id, 'PAYPAL')).toMatchObject({
      __typename: 'OrderNotPayableError',
      status: 'NEW',
      paymentStatus: 'UNPAID',
    });
    const other = app.graphql(await app.logIn(demoLogins.transferMember));
    expect(await payOrder(started.order.id, 'BANK_TRANSFER', other)).toMatchObject({
      __typename: 'OrderNotFoundError',
    });
  });

  it("adds cash on delivery's fee to the order's total when the buyer switches to it", async () => {
    const staff = app.graphql(await app.logIn(demoLogins.staff));
    await allowCashOnDelivery(staff, demoLogins.paypalMember.email, ['PAYPAL', 'BANK_TRANSFER']);

    // ¥990 + ¥800 shipping at 10%: ¥1,969 by PayPal.
    const started = await startPayPal('PK-2002', 1);
    expect(started.order.total).toEqual({ amount: 1969 });
    await buyer(cancelReturnMutation, { input: { token: tokenOf(started.redirectUrl) } });

    const switched = await payOrder(started.order.id, 'CASH_ON_DELIVERY');
    expect(switched).toMatchObject({
      order: { status: 'NEW', paymentStatus: 'UNPAID', paymentMethod: 'CASH_ON_DELIVERY' },
    });

    // The fee is taxed at the standard rate with the rest: (990 + 800 + 330) × 10% = 212.
    const order = (
      await staff(
        'query ($number: String!) { order(number: $number) { subtotal { amount } tax { amount } paymentFee { amount } total { amount } taxBreakdown { rate taxableAmount { amount } tax { amount } } timeline { kind fromValue toValue } } }',
        { number: started.order.number },
      )
    ).data.order;
    expect(order).toMatchObject({
      subtotal: { amount: 990 },
      tax: { amount: 212 },
      paymentFee: { amount: 330 },
      total: { amount: 2332 },
      taxBreakdown: [{ rate: 10, taxableAmount: { amount: 2120 }, tax: { amount: 212 } }],
    });
    expect(order.timeline).toContainEqual({ kind: 'PAYMENT_FEE', fromValue: '0', toValue: '330' });

    await app.deliverEmails();
    const email = app.sent.find((sent) => sent.subject.includes(started.order.number));
    expect(email?.text).toContain('2,332');

    await staff(
      'mutation { updatePaymentSettings(input: { method: CASH_ON_DELIVERY, enabled: false, enabledForNewMembers: false, description: "代引き", fee: 330 }) { __typename } }',
    );
  });

  it('lets the merchant send a payment reminder with the link to pay', async () => {
    const started = await startPayPal();
    const staff = app.graphql(await app.logIn(demoLogins.staff));
    const remind = () =>
      staff(
        'mutation ($id: ID!) { sendPaymentReminder(orderId: $id) { __typename ... on SendPaymentReminderPayload { order { number } } } }',
        { id: started.order.id },
      );
    // Pressed three times at once: one reminder.
    const reminded = await Promise.all([remind(), remind(), remind()]);

    for (const answer of reminded) {
      expect(answer.data.sendPaymentReminder.order.number).toBe(started.order.number);
    }
    await app.deliverEmails();
    const reminders = app.sent.filter(
      (email) =>
        email.subject.startsWith('【お支払いのお願い】') &&
        email.subject.includes(started.order.number),
    );
    expect(reminders).toHaveLength(1);
    const reminder = app.sent.find(
      (email) =>
        email.subject.startsWith('【お支払いのお願い】') &&
        email.subject.includes(started.order.number),
    );
    expect(reminder?.to).toBe('buyer@example.com');
    expect(reminder?.text).toContain(`http://localhost:3000/orders/${started.order.number}`);
  });

  it('cancels orders left unpaid past the limit, once, releasing stock, but not one PayPal paid', async () => {
    const stockBefore = (await app.db.product.findUniqueOrThrow({ where: { sku: 'PK-2001' } }))
      .stock;
    const abandoned = await startPayPal('PK-2001', 4);
    // Paid at PayPal, but the buyer's browser never came back to the shop.
    const paidElsewhere = await startPayPal('TW-1003', 1);
    const returned = await approveAtPayPal(app, paidElsewhere.redirectUrl);
    await payBehindTheShopsBack(app, returned, paidElsewhere.order.number);
    expect((await app.db.product.findUniqueOrThrow({ where: { sku: 'PK-2001' } })).stock).toBe(
      stockBefore - 4,
    );

    await app.advanceClock(73, { paypalToo: false });
    await expireUnpaidOrders(app.systemContext());
    await expireUnpaidOrders(app.systemContext());

    const staff = app.graphql(await app.logIn(demoLogins.staff));
    const read = async (number: string) => (await staff(orderByNumberQuery, { number })).data.order;
    expect(await read(abandoned.order.number)).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'UNPAID',
    });
    expect(await read(paidElsewhere.order.number)).toMatchObject({
      status: 'NEW',
      paymentStatus: 'PAID',
    });
    expect((await app.db.product.findUniqueOrThrow({ where: { sku: 'PK-2001' } })).stock).toBe(
      stockBefore,
    );
    await app.deliverEmails();
    const told = app.sent.filter((email) =>
      email.subject.includes(`ご注文番号 ${abandoned.order.number}`),
    );
    expect(told.map((email) => email.subject)).toEqual([
      `【ご注文キャンセル】ご注文番号 ${abandoned.order.number} / Order ${abandoned.order.number} cancelled`,
    ]);
  });
});

/**
 * Takes the money at the sandbox directly, as if the API had crashed right after PayPal
 * answered DoExpressCheckoutPayment: the order still reads unpaid in the shop.
 */
async function payBehindTheShopsBack(
  app: TestApp,
  returned: { token: string; payerId: string },
  invoiceId: string,
) {
  const { DEMO_CREDENTIALS } = await import('@wholesale/paypal/sandbox-demo');
  const { NvpClient } = await import('@wholesale/paypal/nvp');
  const client = new NvpClient({
    endpoint: `${app.paypal.url}/nvp`,
    credentials: DEMO_CREDENTIALS,
  });
  const details = await client.getExpressCheckoutDetails(returned.token);
  if (!details.ok) throw new Error('no checkout details');
  const order = await app.db.order.findUniqueOrThrow({
    where: { number: Number(invoiceId) },
    include: { lines: { orderBy: { position: 'asc' } } },
  });
  const result = await client.doExpressCheckoutPayment({
    token: returned.token,
    payerId: returned.payerId,
    payment: {
      currency: 'JPY',
      itemTotal: order.subtotal,
      shipping: order.shipping,
      tax: order.tax,
      total: order.total,
      invoiceId,
      lines: order.lines.map((line) => ({
        name: line.productName,
        sku: line.sku,
        unitAmount: line.unitPrice,
        quantity: line.quantity,
      })),
    },
  });
  if (!result.ok) throw new Error(`payment refused: ${result.errors[0]?.code}`);
  await app.db.payment.updateMany({
    where: { paypalToken: returned.token },
    data: { payRequestedAt: new Date() },
  });
}

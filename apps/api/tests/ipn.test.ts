import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeReturnMutation, startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import {
  approveAtPayPal,
  demoLogins,
  paypalTransactions,
  productIdsBySku,
  startTestApp,
} from './harness.ts';
import { databaseKinds } from './test-database.ts';

interface Delivery {
  body: string;
  kind: string;
  txnId: string;
  status: string;
}

describe.each(databaseKinds())('PayPal’s IPN messages, on %s', (kind) => {
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

  /** ¥2,640 + ¥800 shipping + ¥344 tax = ¥3,784, paid with PayPal. */
  async function paidOrder() {
    const started = (
      await buyer(startCheckoutMutation, {
        input: {
          lines: [{ productId: productIds.get('TW-1002'), quantity: 2 }],
          paymentMethod: 'PAYPAL',
        },
      })
    ).data.startCheckout;
    const completed = (
      await buyer(completeReturnMutation, {
        input: await approveAtPayPal(app, started.redirectUrl),
      })
    ).data.completePayPalReturn;

    return {
      id: started.order.id as string,
      number: started.order.number as string,
      transactionId: completed.order.paypal.transactionId as string,
    };
  }

  const deliveries = async () =>
    ((await (await fetch(`${app.paypal.url}/sim/ipn`)).json()) as { deliveries: Delivery[] })
      .deliveries;
  const postIpn = (body: string) =>
    fetch(`${app.apiUrl}/paypal/ipn`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  const orderState = async (number: string) => {
    const order = await app.db.order.findUniqueOrThrow({
      where: { number: Number(number) },
      include: { refunds: { orderBy: { createdAt: 'asc' } } },
    });

    return {
      paymentStatus: order.paymentStatus,
      refunds: order.refunds.map((refund) => [refund.amount, refund.status, refund.actorType]),
    };
  };
  const refundAtPayPalsMerchantView = (transactionId: string, amount: string) =>
    fetch(`${app.paypal.url}/sim/merchant`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ transactionId, amount }).toString(),
      redirect: 'manual',
    });

  it('brings a refund made in PayPal’s own merchant view into the order', async () => {
    const order = await paidOrder();
    const refunded = await refundAtPayPalsMerchantView(order.transactionId, '1000');
    expect(refunded.status).toBe(303);
    await app.processIpn();

    expect(await orderState(order.number)).toEqual({
      paymentStatus: 'PARTIALLY_REFUNDED',
      refunds: [[1000, 'COMPLETED', 'PAYPAL']],
    });
    await refundAtPayPalsMerchantView(order.transactionId, '');
    await app.processIpn();
    expect(await orderState(order.number)).toEqual({
      paymentStatus: 'REFUNDED',
      refunds: [
        [1000, 'COMPLETED', 'PAYPAL'],
        [2784, 'COMPLETED', 'PAYPAL'],
      ],
    });
  });

  it('applies a repeated or late message once, and changes nothing the second time', async () => {
    const order = await paidOrder();
    await refundAtPayPalsMerchantView(order.transactionId, '500');
    await app.processIpn();
    const refundMessage = (await deliveries()).find(
      (delivery) =>
        delivery.kind === 'refund' &&
        new URLSearchParams(delivery.body).get('parent_txn_id') === order.transactionId,
    );
    const paymentMessage = (await deliveries()).find(
      (delivery) => delivery.txnId === order.transactionId,
    );
    expect(refundMessage?.status).toBe('delivered');

    // PayPal repeats a message it thinks was not received, and messages arrive out of order.
    expect((await postIpn(refundMessage?.body ?? '')).status).toBe(200);
    expect((await postIpn(paymentMessage?.body ?? '')).status).toBe(200);
    await app.processIpn();

    expect(await orderState(order.number)).toEqual({
      paymentStatus: 'PARTIALLY_REFUNDED',
      refunds: [[500, 'COMPLETED', 'PAYPAL']],
    });
  });

  it('changes nothing for a message PayPal did not send', async () => {
    const order = await paidOrder();
    const forged = new URLSearchParams({
      txn_id: 'FORGED00000000001',
      parent_txn_id: order.transactionId,
      payment_status: 'Refunded',
      mc_gross: '-3784',
      mc_currency: 'JPY',
      invoice: order.number,
      txn_type: 'adjustment',
    }).toString();
    expect((await postIpn(forged)).status).toBe(200);
    await app.processIpn();

    expect(await orderState(order.number)).toEqual({ paymentStatus: 'PAID', refunds: [] });
    const stored = await app.db.ipnMessage.findFirstOrThrow({
      where: { txnId: 'FORGED00000000001' },
    });
    expect(stored.status).toBe('INVALID');
    expect((await postIpn('hello=world')).status).toBe(400);
  });

  it('finds a refund whose IPN never arrived by reconciliation, and then matches the late IPN', async () => {
    const order = await paidOrder();
    await refundAtPayPalsMerchantView(order.transactionId, '');
    await app.sandbox.ipnSettled();
    // The message is lost on the way: the shop has not seen it.
    await app.db.ipnMessage.deleteMany({ where: { status: 'RECEIVED' } });
    expect((await orderState(order.number)).paymentStatus).toBe('PAID');

    const { reconcileRecentOrders } = await import('@wholesale/schema/orders/reconcile');
    await reconcileRecentOrders(app.systemContext());
    expect(await orderState(order.number)).toEqual({
      paymentStatus: 'REFUNDED',
      refunds: [[3784, 'COMPLETED', 'PAYPAL']],
    });

    // PayPal sends the message again later; it names the refund already recorded.
    const refundMessage = (await deliveries()).find(
      (delivery) =>
        delivery.kind === 'refund' &&
        new URLSearchParams(delivery.body).get('parent_txn_id') === order.transactionId,
    );
    await postIpn(refundMessage?.body ?? '');
    await app.processIpn();
    expect(await orderState(order.number)).toEqual({
      paymentStatus: 'REFUNDED',
      refunds: [[3784, 'COMPLETED', 'PAYPAL']],
    });
    const refund = await app.db.refund.findFirstOrThrow({
      where: { order: { number: Number(order.number) } },
    });
    expect(refund.paypalRefundTransactionId).toBe(refundMessage?.txnId);
  });

  it('lets the merchant refresh one order from PayPal and see what differed', async () => {
    const order = await paidOrder();
    const staff = app.graphql(await app.logIn(demoLogins.staff));
    const refresh = () =>
      staff(
        'mutation ($id: ID!) { refreshOrderFromPayPal(orderId: $id) { ... on RefreshOrderFromPayPalPayload { findings order { paymentStatus } } } }',
        { id: order.id },
      ).then((result) => result.data.refreshOrderFromPayPal);

    expect(await refresh()).toEqual({ findings: [], order: { paymentStatus: 'PAID' } });
    await refundAtPayPalsMerchantView(order.transactionId, '784');
    await app.sandbox.ipnSettled();
    await app.db.ipnMessage.deleteMany({ where: { status: 'RECEIVED' } });
    const found = await refresh();
    expect(found.order.paymentStatus).toBe('PAID');
    expect(found.findings).toEqual(['PayPal shows a partial refund this shop has no record of.']);
    const flagged = await app.db.orderEvent.findFirst({
      where: { order: { number: Number(order.number) }, kind: 'RECONCILIATION_DIFFERENCE' },
    });
    expect(flagged?.note).toBe('PayPal shows a partial refund this shop has no record of.');
  });

  /** A PayPal checkout that PayPal took while the API died right after: nothing reached the order. */
  async function paidBehindTheShopsBack() {
    const started = (
      await buyer(startCheckoutMutation, {
        input: {
          lines: [{ productId: productIds.get('FD-3001'), quantity: 1 }],
          paymentMethod: 'PAYPAL',
        },
      })
    ).data.startCheckout;
    const returned = await approveAtPayPal(app, started.redirectUrl);
    // PayPal's IPN, posted because the payment carried the notify URL, must settle it.
    const { DEMO_CREDENTIALS } = await import('@wholesale/paypal/sandbox-demo');
    const { NvpClient } = await import('@wholesale/paypal/nvp');
    const client = new NvpClient({
      endpoint: `${app.paypal.url}/nvp`,
      credentials: DEMO_CREDENTIALS,
    });
    const stored = await app.db.order.findUniqueOrThrow({
      where: {
        id: (await app.db.payment.findUniqueOrThrow({ where: { paypalToken: returned.token } }))
          .orderId,
      },
      include: { lines: true },
    });
    const paid = await client.doExpressCheckoutPayment({
      token: returned.token,
      payerId: returned.payerId,
      payment: {
        currency: 'JPY',
        itemTotal: stored.subtotal,
        shipping: stored.shipping,
        tax: stored.tax,
        total: stored.total,
        invoiceId: String(stored.number),
        notifyUrl: `${app.apiUrl}/paypal/ipn`,
        lines: stored.lines.map((line) => ({
          name: line.productName,
          sku: line.sku,
          unitAmount: line.unitPrice,
          quantity: line.quantity,
        })),
      },
    });
    expect(paid.ok).toBe(true);
    expect((await orderState(started.order.number)).paymentStatus).toBe('UNPAID');

    return stored;
  }

  it('settles an order whose payment the shop never heard back about', async () => {
    const stored = await paidBehindTheShopsBack();

    await app.processIpn();
    const order = await app.db.order.findUniqueOrThrow({ where: { id: stored.id } });
    expect(order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    const transactions = (await paypalTransactions(app)).filter(
      (t) => t.invoiceId === String(stored.number),
    );
    expect(transactions).toHaveLength(1);
  });

  it('applies the IPN after the payment lock a dying request held has expired', async () => {
    const stored = await paidBehindTheShopsBack();
    // The request that was paying died holding the order's payment lock.
    await app.db
      .$executeRaw`UPDATE "Order" SET "paymentLockedUntil" = ${new Date(Date.now() + 120_000)} WHERE id = ${stored.id}`;

    await app.processIpn();
    const waiting = await app.db.ipnMessage.findFirstOrThrow({
      where: { body: { contains: `invoice=${stored.number}&` } },
    });
    expect(waiting).toMatchObject({
      status: 'RECEIVED',
      outcome: 'the order is busy with its payment',
    });
    expect((await orderState(String(stored.number))).paymentStatus).toBe('UNPAID');

    // Past the lock's expiry and the message's next attempt.
    await app.advanceClock(1, { paypalToo: false });
    await app.processIpn();
    expect(await app.db.order.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      status: 'NEW',
      paymentStatus: 'PAID',
    });
    expect((await app.db.ipnMessage.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe(
      'APPLIED',
    );
  });
});

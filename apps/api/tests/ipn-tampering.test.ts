import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NvpCredentials } from '@wholesale/paypal/nvp';
import { NvpClient } from '@wholesale/paypal/nvp';
import { DEMO_CREDENTIALS } from '@wholesale/paypal/sandbox-demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeReturnMutation, startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { approveAtPayPal, demoLogins, productIdsBySku, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

/** Another PayPal merchant: someone who can make PayPal send genuine messages about it. */
const otherMerchant: NvpCredentials = {
  username: 'mallory_api1.elsewhere.example',
  password: 'ELSEWHERE2026SANDBOX',
  signature: 'AFcWxV21C7fd0v3bYYYRCpSSRl31A-elsewhere-signature',
};

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe.each(databaseKinds())('IPN messages altered, repeated or unverifiable, on %s', (kind) => {
  let app: TestApp;
  let buyer: GraphQLCaller;
  let productIds: Map<string, string>;

  beforeAll(async () => {
    app = await startTestApp(kind, { paypalCredentials: [otherMerchant] });
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    productIds = await productIdsBySku(buyer);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** ¥1,320 + ¥800 shipping + ¥212 tax = ¥2,332, ordered with PayPal and not paid yet. */
  async function unpaidOrder() {
    const started = (
      await buyer(startCheckoutMutation, {
        input: {
          lines: [{ productId: productIds.get('TW-1002'), quantity: 1 }],
          paymentMethod: 'PAYPAL',
        },
      })
    ).data.startCheckout;

    return {
      number: started.order.number as string,
      total: started.order.total.amount as number,
      redirectUrl: started.redirectUrl as string,
    };
  }

  /** An order paid through the shop, and the IPN message PayPal sent about its payment. */
  async function paidOrderAndItsMessage() {
    const order = await unpaidOrder();
    const completed = (
      await buyer(completeReturnMutation, {
        input: await approveAtPayPal(app, order.redirectUrl),
      })
    ).data.completePayPalReturn;
    await app.processIpn();
    const transactionId = completed.order.paypal.transactionId as string;
    const message = await app.db.ipnMessage.findFirstOrThrow({ where: { txnId: transactionId } });

    return { ...order, transactionId, message };
  }

  const postIpn = (body: string) =>
    fetch(`${app.apiUrl}/paypal/ipn`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

  /** Every order, payment, refund and timeline entry, as stored. */
  const snapshot = async () => ({
    orders: await app.db.order.findMany({ orderBy: { number: 'asc' } }),
    payments: await app.db.payment.findMany({ orderBy: { id: 'asc' } }),
    refunds: await app.db.refund.findMany({ orderBy: { id: 'asc' } }),
    orderEvents: await app.db.orderEvent.count(),
  });

  const alter = (body: string, changes: Record<string, string>) => {
    const fields = new URLSearchParams(body);
    for (const [name, value] of Object.entries(changes)) fields.set(name, value);

    return fields.toString();
  };

  /** Pays at the local PayPal outside the shop's checkout, as a buyer or another shop could. */
  async function payAtPayPal(
    credentials: NvpCredentials,
    payment: { invoiceId: string; currency: string; total: number },
  ) {
    const client = new NvpClient({ endpoint: `${app.paypal.url}/nvp`, credentials });
    const request = {
      ...payment,
      itemTotal: payment.total,
      shipping: 0,
      tax: 0,
      notifyUrl: `${app.apiUrl}/paypal/ipn`,
      lines: [{ name: '品代', sku: 'ANY', unitAmount: payment.total, quantity: 1 }],
    };
    const set = await client.setExpressCheckout({
      payment: request,
      returnUrl: 'http://127.0.0.1/return',
      cancelUrl: 'http://127.0.0.1/cancel',
    });
    if (!set.ok) throw new Error(`SetExpressCheckout failed: ${JSON.stringify(set)}`);
    const approved = await approveAtPayPal(app, `${app.paypal.url}/?token=${set.value.token}`);
    const paid = await client.doExpressCheckoutPayment({ ...approved, payment: request });
    if (!paid.ok) throw new Error('DoExpressCheckoutPayment failed');
    await app.processIpn();

    return app.db.ipnMessage.findFirstOrThrow({ where: { txnId: paid.value.transactionId } });
  }

  it('refuses every copy of a genuine message with one field changed, and changes nothing', async () => {
    const paid = await paidOrderAndItsMessage();
    const other = await unpaidOrder();
    expect(paid.message.status).toBe('IGNORED');
    const before = await snapshot();

    const changes: Record<string, string>[] = [
      { mc_gross: '1' },
      { mc_currency: 'USD' },
      { receiver_email: 'mallory@elsewhere.example' },
      { payment_status: 'Refunded', parent_txn_id: paid.transactionId, mc_gross: '-2332' },
      { invoice: other.number },
      { txn_id: '0TAMPERED00000001' },
    ];
    const tampered = changes.map((change) => alter(paid.message.body, change));
    for (const body of tampered) expect((await postIpn(body)).status).toBe(200);
    await app.processIpn();

    const stored = await app.db.ipnMessage.findMany({ where: { body: { in: tampered } } });
    expect(stored.map((message) => [message.status, message.outcome])).toEqual(
      tampered.map(() => ['INVALID', 'PayPal did not recognise the message']),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a repeat of the genuine message once and changes nothing with it', async () => {
    const paid = await paidOrderAndItsMessage();
    const before = await snapshot();
    const messages = await app.db.ipnMessage.count();

    expect((await postIpn(paid.message.body)).status).toBe(200);
    await app.processIpn();

    expect(await app.db.ipnMessage.count()).toBe(messages);
    expect(await snapshot()).toEqual(before);
  });

  it('does not let a forged message sent first hold back PayPal’s own about the same payment', async () => {
    const order = await unpaidOrder();
    // PayPal's message is held on the way (a slow network), so the forgery arrives first.
    const held: string[] = [];
    const relay = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        held.push(body);
        response.writeHead(200).end();
      });
    });
    const relayUrl = await listen(relay);
    const client = new NvpClient({
      endpoint: `${app.paypal.url}/nvp`,
      credentials: DEMO_CREDENTIALS,
    });
    const stored = await app.db.order.findUniqueOrThrow({
      where: { number: Number(order.number) },
      include: { lines: true },
    });
    const payment = {
      currency: 'JPY',
      itemTotal: stored.subtotal,
      shipping: stored.shipping,
      tax: stored.tax,
      total: stored.total,
      invoiceId: order.number,
      notifyUrl: relayUrl,
      lines: stored.lines.map((line) => ({
        name: line.productName,
        sku: line.sku,
        unitAmount: line.unitPrice,
        quantity: line.quantity,
      })),
    };
    const paid = await client.doExpressCheckoutPayment({
      ...(await approveAtPayPal(app, order.redirectUrl)),
      payment,
    });
    if (!paid.ok) throw new Error('DoExpressCheckoutPayment failed');
    await app.sandbox.ipnSettled();
    relay.close();
    const genuine = held[0] ?? '';

    await postIpn(alter(genuine, { payer_email: 'someone@elsewhere.example' }));
    await app.processIpn();
    await postIpn(genuine);
    await app.processIpn();

    const messages = await app.db.ipnMessage.findMany({
      where: { txnId: paid.value.transactionId },
      orderBy: { receivedAt: 'asc' },
    });
    expect(messages.map((message) => message.status)).toEqual(['INVALID', 'APPLIED']);
    const settled = await app.db.order.findUniqueOrThrow({
      where: { number: Number(order.number) },
    });
    expect(settled).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
  });

  it('ignores a payment PayPal vouches for that was made to another merchant for this shop’s order', async () => {
    const order = await unpaidOrder();
    const before = await snapshot();

    const message = await payAtPayPal(otherMerchant, {
      invoiceId: order.number,
      currency: 'JPY',
      total: order.total,
    });

    expect(message.status).toBe('IGNORED');
    expect(message.outcome).toBe('receiver mallory@elsewhere.example is not this shop');
    expect(await snapshot()).toEqual(before);
  });

  it('ignores a payment PayPal vouches for whose amount or currency is not the order’s', async () => {
    const orders = [await unpaidOrder(), await unpaidOrder()];
    const before = await snapshot();

    // PayPal takes one payment per invoice number, so each attempt names an order of its own.
    const tooLittle = await payAtPayPal(DEMO_CREDENTIALS, {
      invoiceId: orders[0]?.number ?? '',
      currency: 'JPY',
      total: 1,
    });
    const otherCurrency = await payAtPayPal(DEMO_CREDENTIALS, {
      invoiceId: orders[1]?.number ?? '',
      currency: 'USD',
      total: orders[1]?.total ?? 0,
    });

    for (const message of [tooLittle, otherCurrency]) {
      expect([message.status, message.outcome]).toEqual([
        'IGNORED',
        'amount or currency differs from the order',
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a message PayPal cannot vouch for yet unapplied, and applies it once PayPal answers', async () => {
    const paid = await paidOrderAndItsMessage();
    const refunded = await fetch(`${app.paypal.url}/sim/merchant`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ transactionId: paid.transactionId, amount: '1000' }).toString(),
      redirect: 'manual',
    });
    expect(refunded.status).toBe(303);
    await app.sandbox.ipnSettled();
    const refundMessage = () =>
      app.db.ipnMessage.findFirstOrThrow({
        where: { body: { contains: `parent_txn_id=${paid.transactionId}` } },
      });
    const before = await snapshot();

    // PayPal's postback host answers 503, then cannot be reached at all, then is back.
    let postbackAnswers = false;
    const postbackHost = createServer((request, response) => {
      if (postbackAnswers) app.sandbox.handler(request, response);
      else response.writeHead(503).end('Service Unavailable');
    });
    const postbackUrl = await listen(postbackHost);
    const gone = createServer();
    const unreachableUrl = await listen(gone);
    await new Promise((resolve) => gone.close(resolve));
    const sandboxPages = app.config.paypalLocal;
    const postbackAt = (url: string) => {
      app.config.paypalLocal = { ...sandboxPages, checkoutUrl: url };
    };

    try {
      postbackAt(postbackUrl);
      await app.processIpn();
      expect(await refundMessage()).toMatchObject({ status: 'RECEIVED', attempts: 1 });
      expect(await snapshot()).toEqual(before);

      // Not due again before its retry time; then due, and PayPal is unreachable.
      await app.processIpn();
      expect((await refundMessage()).attempts).toBe(1);
      postbackAt(unreachableUrl);
      await app.advanceClock(1, { paypalToo: false });
      await app.processIpn();
      expect(await refundMessage()).toMatchObject({ status: 'RECEIVED', attempts: 2 });
      expect(await snapshot()).toEqual(before);

      postbackAt(postbackUrl);
      postbackAnswers = true;
      await app.advanceClock(1, { paypalToo: false });
      await app.processIpn();
    } finally {
      app.config.paypalLocal = sandboxPages;
      postbackHost.close();
    }

    expect(await refundMessage()).toMatchObject({ status: 'APPLIED', attempts: 3 });
    const order = await app.db.order.findUniqueOrThrow({
      where: { number: Number(paid.number) },
      include: { refunds: true },
    });
    expect(order.paymentStatus).toBe('PARTIALLY_REFUNDED');
    expect(order.refunds.map((refund) => [refund.amount, refund.status])).toEqual([
      [1000, 'COMPLETED'],
    ]);
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { deliverWebhooks } from '@wholesale/schema/webhooks/deliver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { demoLogins, productIdsBySku, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

type Verdict = 'accepted' | 'repeat' | 'bad signature' | 'stale';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

const toleranceSeconds = 5 * 60;

/**
 * A receiver's check, step by step as the README's webhook section tells integrators: the
 * signature over the raw body, compared in constant time; the timestamp within five minutes;
 * the delivery id, read from the signed body, not seen before.
 */
function verifyDelivery(
  secret: string,
  delivery: Delivery,
  nowSeconds: number,
  seen: Set<string>,
): Verdict {
  const timestamp = String(delivery.headers['x-wholesale-timestamp'] ?? '');
  const signature = Buffer.from(String(delivery.headers['x-wholesale-signature'] ?? ''));
  const hmac = createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`);
  const expected = Buffer.from(`sha256=${hmac.digest('hex')}`);
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    return 'bad signature';
  }
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    return 'stale';
  }

  const { id } = JSON.parse(delivery.body) as { id: string };
  if (seen.has(id)) return 'repeat';
  seen.add(id);

  return 'accepted';
}

describe.each(databaseKinds())('webhook deliveries checked as the README says, on %s', (kind) => {
  let app: TestApp;
  let staff: GraphQLCaller;
  let buyer: GraphQLCaller;
  let receiver: Server;
  let receiverUrl: string;
  let secret: string;
  let receiverClockOffsetSeconds = 0;
  const seen = new Set<string>();
  const delivered: Delivery[] = [];
  const verdicts: Verdict[] = [];

  beforeAll(async () => {
    app = await startTestApp(kind);
    staff = app.graphql(await app.logIn(demoLogins.staff));
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    receiver = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => {
        body += chunk;
      });
      request.on('end', () => {
        const delivery = { headers: request.headers, body };
        const now = Math.floor(Date.now() / 1000) + receiverClockOffsetSeconds;
        const verdict = verifyDelivery(secret, delivery, now, seen);
        delivered.push(delivery);
        verdicts.push(verdict);
        response.writeHead(verdict === 'accepted' || verdict === 'repeat' ? 204 : 400).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    secret = (
      await staff(
        'mutation ($url: String!) { createWebhookEndpoint(url: $url, events: ["order.created"]) { ... on CreateWebhookEndpointPayload { secret } } }',
        { url: receiverUrl },
      )
    ).data.createWebhookEndpoint.secret;
  }, 60_000);

  afterAll(async () => {
    receiver?.close();
    await app?.stop();
  });

  /** A bank-transfer order, and the order.created delivery the shop posts about it. */
  async function deliveredOrderCreated() {
    const productIds = await productIdsBySku(buyer);
    await buyer(startCheckoutMutation, {
      input: {
        lines: [{ productId: productIds.get('TW-1002'), quantity: 1 }],
        paymentMethod: 'BANK_TRANSFER',
      },
    });
    const before = delivered.length;
    await deliverWebhooks(app.systemContext());
    expect(delivered.length).toBe(before + 1);

    return delivered[before] as Delivery;
  }

  /** Posts to the receiver what someone on the way could send: a delivery, changed or not. */
  async function resend(delivery: Delivery, headers: Record<string, string> = {}) {
    const response = await fetch(receiverUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wholesale-event': String(delivery.headers['x-wholesale-event']),
        'x-wholesale-delivery': String(delivery.headers['x-wholesale-delivery']),
        'x-wholesale-timestamp': String(delivery.headers['x-wholesale-timestamp']),
        'x-wholesale-signature': String(delivery.headers['x-wholesale-signature']),
        ...headers,
      },
      body: delivery.body,
    });

    return { status: response.status, verdict: verdicts.at(-1) };
  }

  it('verifies a delivery the shop signed, stamped with the time it was sent', async () => {
    const delivery = await deliveredOrderCreated();

    expect(verdicts.at(-1)).toBe('accepted');
    const stamped = Number(delivery.headers['x-wholesale-timestamp']);
    expect(Math.abs(stamped - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(delivery.body).id).toBe(delivery.headers['x-wholesale-delivery']);
    const log = await app.db.webhookDelivery.findUniqueOrThrow({
      where: { id: JSON.parse(delivery.body).id },
    });
    expect(log.status).toBe('DELIVERED');
  });

  it('detects a body altered on the way', async () => {
    const delivery = await deliveredOrderCreated();
    const payload = JSON.parse(delivery.body);
    payload.id = '019a0000-0000-7000-8000-000000000000';
    payload.order.total.amount = 1;

    expect(await resend({ ...delivery, body: JSON.stringify(payload) })).toEqual({
      status: 400,
      verdict: 'bad signature',
    });
    // The same JSON written differently is a different body: receivers check the raw bytes.
    expect(
      await resend({ ...delivery, body: JSON.stringify(JSON.parse(delivery.body), null, 1) }),
    ).toEqual({ status: 400, verdict: 'bad signature' });
  });

  it('detects a delivery signed with any secret but the endpoint’s', async () => {
    const delivery = await deliveredOrderCreated();
    const payload = { ...JSON.parse(delivery.body), id: '019a0000-0000-7000-8000-000000000001' };
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signedWith = (key: string) =>
      `sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;

    for (const guess of ['whsec_guessed', secret.replace(/^whsec_/, ''), `${secret} `]) {
      expect(
        await resend(
          { ...delivery, body },
          { 'x-wholesale-timestamp': timestamp, 'x-wholesale-signature': signedWith(guess) },
        ),
      ).toEqual({ status: 400, verdict: 'bad signature' });
    }
    expect(
      await resend(
        { ...delivery, body },
        { 'x-wholesale-timestamp': timestamp, 'x-wholesale-signature': signedWith(secret) },
      ),
    ).toEqual({ status: 204, verdict: 'accepted' });
  });

  it('refuses a delivery replayed after five minutes, and one stamped afresh', async () => {
    const delivery = await deliveredOrderCreated();
    seen.clear();
    receiverClockOffsetSeconds = toleranceSeconds + 60;

    try {
      expect(await resend(delivery)).toEqual({ status: 400, verdict: 'stale' });
      const now = String(Math.floor(Date.now() / 1000) + receiverClockOffsetSeconds);
      expect(await resend(delivery, { 'x-wholesale-timestamp': now })).toEqual({
        status: 400,
        verdict: 'bad signature',
      });
    } finally {
      receiverClockOffsetSeconds = 0;
    }
  });

  it('recognises a delivery replayed within five minutes by the id it signed', async () => {
    const delivery = await deliveredOrderCreated();

    expect(await resend(delivery)).toEqual({ status: 204, verdict: 'repeat' });
    expect(
      await resend(delivery, { 'x-wholesale-delivery': '019a0000-0000-7000-8000-000000000002' }),
    ).toEqual({ status: 204, verdict: 'repeat' });

    // The merchant's redelivery is the same delivery again, freshly stamped and signed.
    const { id } = JSON.parse(delivery.body);
    await staff('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { __typename } }', {
      id: encodeGlobalID('WebhookDelivery', id),
    });
    await deliverWebhooks(app.systemContext());
    expect(JSON.parse(delivered.at(-1)?.body ?? '{}').id).toBe(id);
    expect(verdicts.at(-1)).toBe('repeat');
  });
});

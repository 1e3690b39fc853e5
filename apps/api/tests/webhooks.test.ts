import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhooks } from '@wholesale/schema/webhooks/deliver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeReturnMutation, startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { approveAtPayPal, demoLogins, startTestApp } from './harness.ts';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('signed webhooks for order events', () => {
  let app: TestApp;
  let staff: GraphQLCaller;
  let buyer: GraphQLCaller;
  let receiver: ReturnType<typeof createServer>;
  let receiverUrl: string;
  const received: Received[] = [];
  let answer = 200;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    staff = app.graphql(await app.logIn(demoLogins.staff));
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  }, 60_000);

  afterAll(async () => {
    receiver?.close();
    await app?.stop();
  });

  const deliver = () => deliverWebhooks(app.systemContext());

  it('posts order.created, order.updated and order.payment_status_changed, signed', async () => {
    const created = (
      await staff(
        'mutation ($url: String!) { createWebhookEndpoint(url: $url, events: ["order.created", "order.updated", "order.payment_status_changed"]) { ... on CreateWebhookEndpointPayload { secret endpoint { id } } } }',
        { url: receiverUrl },
      )
    ).data.createWebhookEndpoint;
    expect(created.secret).toMatch(/^whsec_/);

    const product = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    const started = (
      await buyer(startCheckoutMutation, {
        input: { lines: [{ productId: product, quantity: 1 }], paymentMethod: 'PAYPAL' },
      })
    ).data.startCheckout;
    await buyer(completeReturnMutation, { input: await approveAtPayPal(app, started.redirectUrl) });
    await deliver();

    // In the order the events happened: the creation first, then what the payment changed.
    const events = received.map((request) => JSON.parse(request.body));
    expect(
      events.map((event) => [event.event, event.order.status, event.order.paymentStatus]),
    ).toEqual([
      ['order.created', 'PAYMENT_INCOMPLETE', 'UNPAID'],
      ['order.updated', 'NEW', 'PAID'],
      ['order.payment_status_changed', 'NEW', 'PAID'],
    ]);
    expect(events[0].order).toMatchObject({
      id: started.order.id,
      number: started.order.number,
      total: { amount: 2178 + 800 + 80, currency: 'JPY' },
    });
    for (const request of received) {
      const timestamp = String(request.headers['x-wholesale-timestamp']);
      const expected = `sha256=${createHmac('sha256', created.secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
      expect(request.headers['x-wholesale-signature']).toBe(expected);
      expect(request.headers['x-wholesale-event']).toBe(JSON.parse(request.body).event);
    }
  });

  it('retries a delivery the receiver refused, keeps the log, and redelivers on request', async () => {
    received.length = 0;
    answer = 500;
    const order = (await staff('{ orders(first: 1) { edges { node { id } } } }')).data.orders
      .edges[0].node.id;
    await staff(
      'mutation ($id: ID!) { updateOrderStatus(input: { orderId: $id, status: PROCESSING }) { __typename } }',
      { id: order },
    );
    await deliver();
    expect(received).toHaveLength(1);

    const log = async () =>
      (
        await staff(
          '{ webhookEndpoints { deliveries(first: 1) { edges { node { id event status attempts lastStatusCode } } } } }',
        )
      ).data.webhookEndpoints[0].deliveries.edges[0].node;
    expect(await log()).toMatchObject({
      event: 'order.updated',
      status: 'PENDING',
      attempts: 1,
      lastStatusCode: 500,
    });

    answer = 200;
    await app.advanceClock(1, { paypalToo: false });
    await deliver();
    expect(await log()).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200 });

    const { id } = await log();
    await staff('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { __typename } }', { id });
    await deliver();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((request) => request.headers['x-wholesale-delivery'])).size).toBe(
      1,
    );
  });

  it('refuses an endpoint that is not http(s) or names unknown events', async () => {
    const create = (url: string, events: string[]) =>
      staff(
        'mutation ($url: String!, $events: [String!]!) { createWebhookEndpoint(url: $url, events: $events) { __typename ... on ValidationError { field } } }',
        { url, events },
      ).then((result) => result.data.createWebhookEndpoint);

    expect(await create('ftp://127.0.0.1/x', ['order.created'])).toEqual({
      __typename: 'ValidationError',
      field: 'url',
    });
    expect(await create(receiverUrl, ['order.deleted'])).toEqual({
      __typename: 'ValidationError',
      field: 'events',
    });
  });

  it('pauses an endpoint: nothing is queued or sent until it is resumed, and the change is audited', async () => {
    const endpoint = (await staff('{ webhookEndpoints { id active } }')).data.webhookEndpoints[0];
    expect(endpoint.active).toBe(true);
    const setActive = (active: boolean) =>
      staff(
        'mutation ($id: ID!, $active: Boolean!) { setWebhookEndpointActive(id: $id, active: $active) { __typename ... on SetWebhookEndpointActivePayload { endpoint { active } } } }',
        { id: endpoint.id, active },
      ).then((result) => result.data.setWebhookEndpointActive);
    const order = (await staff('{ orders(first: 1) { edges { node { id } } } }')).data.orders
      .edges[0].node.id;
    const changeStatus = (status: string) =>
      staff(
        'mutation ($id: ID!, $status: OrderStatus!) { updateOrderStatus(input: { orderId: $id, status: $status }) { __typename } }',
        { id: order, status },
      );

    expect(await setActive(false)).toMatchObject({ endpoint: { active: false } });
    received.length = 0;
    await changeStatus('ON_HOLD');
    await deliver();
    expect(received).toHaveLength(0);

    expect(await setActive(true)).toMatchObject({ endpoint: { active: true } });
    await changeStatus('PROCESSING');
    await deliver();
    expect(received.map((request) => JSON.parse(request.body).event)).toEqual(['order.updated']);

    const audit = (
      await staff(
        '{ auditLog(first: 5, filter: { action: "WEBHOOK_ENDPOINT_UPDATED" }) { edges { node { changes } } } }',
      )
    ).data.auditLog.edges.map((edge: { node: { changes: string } }) =>
      JSON.parse(edge.node.changes),
    );
    expect(audit).toEqual([
      { active: { from: false, to: true } },
      { active: { from: true, to: false } },
    ]);

    const missing = await staff(
      'mutation { setWebhookEndpointActive(id: "V2ViaG9va0VuZHBvaW50Om5vbmU=", active: false) { __typename } }',
    );
    expect(missing.data.setWebhookEndpointActive).toEqual({ __typename: 'NotFoundError' });
  });
  it('announces a PayPal order whose announcement was lost before anything else of it, once', async () => {
    const product = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    const input = {
      lines: [{ productId: product, quantity: 1 }],
      paymentMethod: 'PAYPAL',
      checkoutKey: 'lost-announcement',
    };
    const eventsOf = (orderId: string) =>
      received
        .map((request) => JSON.parse(request.body))
        .filter((event) => event.order.id === orderId)
        .map((event) => event.event);
    /** As if the database had failed right after PayPal took the order: no payment recorded,
     * no creation announced. */
    const databaseId = (orderId: string) =>
      Buffer.from(orderId, 'base64').toString().split(':')[1] ?? '';
    /** As if the announcement had never been queued. */
    const forgetAnnouncement = async (orderId: string) => {
      await app.db
        .$executeRaw`DELETE FROM "WebhookDelivery" WHERE payload->'order'->>'id' = ${orderId}`;
      await app.db.order.update({
        where: { id: databaseId(orderId) },
        data: { announcedAt: null },
      });
    };
    const loseAnnouncement = async (orderId: string) => {
      await app.db.payment.deleteMany({ where: { orderId: databaseId(orderId) } });
      await forgetAnnouncement(orderId);
    };

    received.length = 0;
    const first = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    await loseAnnouncement(first.order.id);

    // The buyer confirms again (the same cart): the order is sent to PayPal again, and announced.
    const again = (await buyer(startCheckoutMutation, { input })).data.startCheckout;
    expect(again.order.id).toBe(first.order.id);
    await buyer(completeReturnMutation, { input: await approveAtPayPal(app, again.redirectUrl) });
    await deliver();
    expect(eventsOf(first.order.id)).toEqual([
      'order.created',
      'order.updated',
      'order.payment_status_changed',
    ]);

    // Lost once PayPal had the order and then paid: announced before the payment's events.
    received.length = 0;
    const second = (
      await buyer(startCheckoutMutation, { input: { ...input, checkoutKey: 'lost-then-paid' } })
    ).data.startCheckout;
    await forgetAnnouncement(second.order.id);
    await buyer(completeReturnMutation, { input: await approveAtPayPal(app, second.redirectUrl) });
    await deliver();
    expect(eventsOf(second.order.id)).toEqual([
      'order.created',
      'order.updated',
      'order.payment_status_changed',
    ]);
    const announced = await app.db.order.findUniqueOrThrow({
      where: { id: databaseId(second.order.id) },
    });
    expect(announced.announcedAt).not.toBeNull();
  });
});

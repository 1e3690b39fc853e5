import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhooks } from '@wholesale/schema/webhooks/deliver';
import { isPlainlyPrivateHost, isPublicAddress } from '@wholesale/schema/webhooks/targets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';

const createEndpoint = `mutation ($url: String!) {
  createWebhookEndpoint(url: $url, events: ["order.created"]) {
    __typename
    ... on ValidationError { code field message }
  }
}`;

describe('webhooks go only to public addresses unless the shop allows private ones', () => {
  let app: TestApp;
  let staff: GraphQLCaller;
  let receiver: ReturnType<typeof createServer>;
  let receiverPort: number;
  let posts = 0;

  beforeAll(async () => {
    app = await startTestApp('pglite', { webhookTargets: 'public' });
    staff = app.graphql(await app.logIn(demoLogins.staff));
    receiver = createServer((request, response) => {
      posts += 1;
      request.resume();
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverPort = (receiver.address() as AddressInfo).port;
  }, 60_000);

  afterAll(async () => {
    receiver?.close();
    await app?.stop();
  });

  it.each([
    'http://127.0.0.1:8080/hooks',
    'http://localhost/hooks',
    'http://shop.localhost/hooks',
    'http://LOCALHOST.:4399/hooks',
    'http://[::1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/hooks',
    'http://192.168.0.10/hooks',
    'http://172.16.5.4/hooks',
    'http://0.0.0.0/hooks',
    'http://[fd00::1]/hooks',
    'http://2130706433/hooks',
  ])('refuses to create an endpoint at %s', async (url) => {
    const result = await staff(createEndpoint, { url });

    expect(result.data.createWebhookEndpoint).toMatchObject({
      __typename: 'ValidationError',
      code: 'WEBHOOK_TARGET_NOT_PUBLIC',
      field: 'url',
    });
    expect(await app.db.webhookEndpoint.count()).toBe(0);
  });

  it('tells public addresses from the rest', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
    expect(isPublicAddress('127.0.0.1')).toBe(false);
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('100.64.0.1')).toBe(false);
    expect(isPlainlyPrivateHost(new URL('https://hooks.example.com/x'))).toBe(false);
  });

  it('sends nothing to an endpoint whose address is private, and says why in the delivery log', async () => {
    // As if the endpoint had been made while private addresses were allowed.
    const endpoint = await app.db.webhookEndpoint.create({
      data: {
        url: `http://127.0.0.1:${receiverPort}/hooks`,
        events: ['order.updated'],
        secretEncrypted: app.systemContext().services.secrets.seal('whsec_test'),
      },
    });
    const delivery = await app.db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        event: 'order.updated',
        payload: { event: 'order.updated' },
      },
    });

    await deliverWebhooks(app.systemContext());

    expect(posts).toBe(0);
    expect(
      await app.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }),
    ).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastStatusCode: null,
      lastError:
        'The URL leads to a private or local address; webhooks go only to public addresses.',
    });
  });
});

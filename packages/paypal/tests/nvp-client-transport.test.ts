import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NvpClient, NvpTransportError } from '../src/nvp/client.ts';
import { fakeFetch, fixture } from './helpers/fake-fetch.ts';

const credentials = {
  username: 'merchant_api1.shop.test',
  password: 'S3CRETPASSWORD',
  signature: 'SIGNATURE-SECRET-abc',
};

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/nvp`;
}

async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return `http://127.0.0.1:${port}/nvp`;
}

async function transportError(promise: Promise<unknown>): Promise<NvpTransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NvpTransportError);

  return error as NvpTransportError;
}

function expectNoSecrets(error: Error) {
  const text = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`;
  expect(text).not.toContain(credentials.password);
  expect(text).not.toContain(credentials.signature);
}

describe('NvpClient when the outcome is unknown', () => {
  it('gives up after the timeout with kind "timeout"', async () => {
    const endpoint = await listen(() => {
      // Never answers.
    });
    const client = new NvpClient({ endpoint, credentials, timeoutMs: 50 });

    const error = await transportError(client.getExpressCheckoutDetails('EC-1'));

    expect(error.kind).toBe('timeout');
    expect(error.method).toBe('GetExpressCheckoutDetails');
    expect(error.message).toBe('PayPal GetExpressCheckoutDetails timed out after 50 ms');
    expectNoSecrets(error);
  });

  it('reports a refused connection with kind "network"', async () => {
    const client = new NvpClient({ endpoint: await closedPort(), credentials });

    const error = await transportError(client.getTransactionDetails('8MC585209K746392H'));

    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
    expectNoSecrets(error);
  });

  it('reports a connection reset mid-answer with kind "network"', async () => {
    const endpoint = await listen((req) => req.socket.destroy());
    const client = new NvpClient({ endpoint, credentials });

    const error = await transportError(client.getTransactionDetails('8MC585209K746392H'));

    expect(error.kind).toBe('network');
  });

  it('reports HTTP 5xx with kind "http" and the status', async () => {
    const endpoint = await listen((_req, res) => {
      res.writeHead(503).end('ACK=Success&TOKEN=EC-NOTREALLY');
    });
    const client = new NvpClient({ endpoint, credentials });

    const error = await transportError(client.getExpressCheckoutDetails('EC-1'));

    expect(error.kind).toBe('http');
    expect(error.httpStatus).toBe(503);
    expect(error.message).toBe('PayPal GetExpressCheckoutDetails answered HTTP 503');
  });

  it('reports a body without ACK with kind "invalidResponse"', async () => {
    const fake = fakeFetch('<html><body>Service Unavailable</body></html>');
    const client = new NvpClient({
      endpoint: 'http://127.0.0.1:9/nvp',
      credentials,
      fetch: fake.fetch,
    });

    const error = await transportError(client.getExpressCheckoutDetails('EC-1'));

    expect(error.kind).toBe('invalidResponse');
  });

  it('reports a body with a broken escape with kind "invalidResponse"', async () => {
    const fake = fakeFetch('ACK=Success&TOKEN=EC%zz');
    const client = new NvpClient({
      endpoint: 'http://127.0.0.1:9/nvp',
      credentials,
      fetch: fake.fetch,
    });

    const error = await transportError(client.getExpressCheckoutDetails('EC-1'));

    expect(error.kind).toBe('invalidResponse');
  });

  it('reports a successful answer that lacks the token with kind "invalidResponse"', async () => {
    const fake = fakeFetch('ACK=Success&CORRELATIONID=abc');
    const client = new NvpClient({
      endpoint: 'http://127.0.0.1:9/nvp',
      credentials,
      fetch: fake.fetch,
    });

    const error = await transportError(client.doVoid({ authorizationId: '5VT47921C8214380A' }));

    expect(error.kind).toBe('invalidResponse');
    expect(error.message).toBe(
      "PayPal DoVoid answered badly: PayPal's response has no AUTHORIZATIONID",
    );
  });
});

describe('NvpClient and secrets', () => {
  it('never returns credentials, even if an answer echoed them', async () => {
    const echo = `${fixture('security-error')}&PWD=${credentials.password}&SIGNATURE=${credentials.signature}&USER=${credentials.username}`;
    const fake = fakeFetch(echo);
    const client = new NvpClient({
      endpoint: 'http://127.0.0.1:9/nvp',
      credentials,
      fetch: fake.fetch,
    });

    const result = await client.getExpressCheckoutDetails('EC-1');

    expect(JSON.stringify(result)).not.toContain(credentials.password);
    expect(JSON.stringify(result)).not.toContain(credentials.signature);
    expect(result.raw).not.toHaveProperty('USER');
  });

  it('accepts an ACK in any letter case', async () => {
    const fake = fakeFetch(
      'ACK=successwithwarning&TOKEN=EC-1&L_ERRORCODE0=11452&L_SEVERITYCODE0=Warning',
    );
    const client = new NvpClient({
      endpoint: 'http://127.0.0.1:9/nvp',
      credentials,
      fetch: fake.fetch,
    });

    const result = await client.setExpressCheckout({
      payment: {
        currency: 'JPY',
        itemTotal: 0,
        shipping: 0,
        tax: 0,
        total: 0,
        lines: [],
        invoiceId: 'W-1',
      },
      returnUrl: 'http://127.0.0.1:3000/r',
      cancelUrl: 'http://127.0.0.1:3000/c',
    });

    expect(result).toMatchObject({ ok: true, ack: 'SuccessWithWarning', value: { token: 'EC-1' } });
    expect(result.ok && result.warnings[0]?.code).toBe('11452');
  });
});

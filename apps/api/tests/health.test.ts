import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrismaClient } from '@wholesale/db/client';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { TestApp } from './harness.ts';
import { startTestApp } from './harness.ts';

/** The API's HTTP handler over a database that answers `SELECT 1` as `answer` does. */
async function serveWith(answer: () => Promise<unknown>) {
  const db = { $queryRaw: () => answer() } as unknown as PrismaClient;
  const { handle } = createApp({
    db,
    log: pino({ level: 'silent' }),
    config: {
      storefrontUrl: 'http://localhost:3000',
      apiPublicUrl: 'http://localhost:4000',
      paypalLocal: { nvpUrl: 'http://127.0.0.1:9/nvp', checkoutUrl: 'http://127.0.0.1:9' },
      secretKey: randomBytes(32),
      webhookTargets: 'public',
    },
    mailTransport: { description: 'none', send: async () => {} },
  });
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('the health check a load balancer asks', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite');
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('answers 200 while the database answers', async () => {
    const response = await fetch(`${app.apiUrl}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });

  it('answers 503 when the database refuses', async () => {
    const api = await serveWith(() => Promise.reject(new Error('connection refused')));
    try {
      const response = await fetch(api.url);

      expect(response.status).toBe(503);
      expect(await response.text()).toBe('database unreachable');
    } finally {
      await api.close();
    }
  });

  it('answers 503 within seconds when the database never answers', async () => {
    const api = await serveWith(() => new Promise(() => {}));
    try {
      const started = Date.now();
      const response = await fetch(api.url);

      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await api.close();
    }
  });
});

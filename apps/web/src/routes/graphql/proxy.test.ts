import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from './+server';

// SvelteKit fills its private env only inside a running server; here it is the process's.
vi.mock('$env/dynamic/private', () => ({ env: process.env }));

/** A stand-in API on loopback that answers like the real one after a log-in. */
let api: ReturnType<typeof createServer>;
let seen: IncomingHttpHeaders = {};

beforeAll(async () => {
  api = createServer((request, response) => {
    seen = request.headers;
    const secure = request.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    response.setHeader('set-cookie', `session=abc; HttpOnly; SameSite=Lax; Path=/${secure}`);
    response.setHeader('content-type', 'application/json');
    response.end('{"data":{"logIn":{"__typename":"LogInPayload"}}}');
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  process.env.API_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}/graphql`;
});

afterAll(() => {
  api?.close();
});

function logInThrough(origin: string) {
  const url = new URL('/graphql', origin);
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
    body: '{"query":"mutation { logIn(input: { email: \\"a\\", password: \\"b\\" }) { __typename } }"}',
  });
  const event = { request, url, getClientAddress: () => '203.0.113.7' } as unknown as RequestEvent;

  return POST(event as Parameters<typeof POST>[0]);
}

describe('the storefront’s /graphql proxy', () => {
  it('tells the API the browser came over HTTPS, so the session cookie is Secure', async () => {
    const response = await logInThrough('https://shop.example');

    expect(seen['x-forwarded-proto']).toBe('https');
    expect(response.headers.get('set-cookie')).toBe(
      'session=abc; HttpOnly; SameSite=Lax; Path=/; Secure',
    );
  });

  it('passes the client address and not the browser’s own forwarding claims over plain http', async () => {
    const response = await logInThrough('http://localhost:3000');

    expect(seen['x-forwarded-for']).toBe('203.0.113.7');
    expect(seen['x-forwarded-proto']).toBeUndefined();
    expect(response.headers.get('set-cookie')).toBe('session=abc; HttpOnly; SameSite=Lax; Path=/');
  });
});

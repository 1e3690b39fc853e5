import { env } from '$env/dynamic/private';
import { apiUrl } from '$lib/server/api-url';
import { cookieOptions } from '$lib/server/cookie-options';
import type { RequestHandler } from './$types';

const forwardedRequestHeaders = ['cookie', 'accept', 'accept-language', 'content-type'];
const forwardedResponseHeaders = ['content-type', 'cache-control'];

/**
 * The browser only talks to this origin; the API's session cookie is passed through both ways
 * so it ends up scoped to the storefront.
 */
const proxy: RequestHandler = async (event) => {
  const { request, url, getClientAddress } = event;
  const target = new URL(apiUrl(env));
  target.search = url.search;

  const headers = new Headers();
  for (const name of forwardedRequestHeaders) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // The API throttles failed log-ins per client address; it only ever sees this proxy.
  headers.set('x-forwarded-for', getClientAddress());
  // The API marks the session cookie Secure only when it knows the browser came over HTTPS.
  if (cookieOptions(event).secure) headers.set('x-forwarded-proto', 'https');

  let body: ArrayBuffer | undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    try {
      body = await request.arrayBuffer();
    } catch {
      // The storefront's body limit (BODY_SIZE_LIMIT) was passed, or the client went away.
      return new Response('The request body is too large.', { status: 413 });
    }
  }
  let upstream: Response;
  try {
    upstream = await fetch(target, { method: request.method, headers, body, redirect: 'manual' });
  } catch {
    return new Response('The GraphQL API is not reachable.', { status: 502 });
  }

  const responseHeaders = new Headers();
  for (const name of forwardedResponseHeaders) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  for (const cookie of upstream.headers.getSetCookie()) {
    responseHeaders.append('set-cookie', cookie);
  }

  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
};

export const GET = proxy;
export const POST = proxy;

import type { RequestEvent } from '@sveltejs/kit';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Options for the storefront's own cookies. Secure only on https, and never on a loopback host:
 * without ORIGIN, adapter-node reports https even for a plain-http local start.
 */
export function cookieOptions(event: RequestEvent) {
  const secure = event.url.protocol === 'https:' && !loopbackHosts.has(event.url.hostname);

  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may be posted. A shop's API usually runs next to things only it should reach:
 * its database, a cloud's metadata address, admin consoles on the private network. By default
 * a webhook goes only to public (unicast) addresses, checked on the address actually connected
 * to, so that neither a URL nor a host name that resolves inward can reach those.
 * `WEBHOOK_ALLOW_PRIVATE_TARGETS=1` lifts this for a shop whose receivers are on its own
 * network, and for local development.
 */
export type WebhookTargets = 'public' | 'any';

export function webhookTargetsFromEnv(env = process.env): WebhookTargets {
  return env.WEBHOOK_ALLOW_PRIVATE_TARGETS === '1' ? 'any' : 'public';
}

/** Whether an IP address is one a public webhook may be posted to. */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.process(address);

  return parsed.range() === 'unicast';
}

/**
 * A URL's host that is plainly not public: an IP literal outside the public ranges, or a name
 * under `localhost`. Other names are checked on every delivery, when they are resolved.
 */
export function isPlainlyPrivateHost(url: URL): boolean {
  // A trailing dot names the same host (`localhost.`).
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;

  return isIP(host) !== 0 && !isPublicAddress(host);
}

import { randomBytes } from 'node:crypto';
import { newIpnTrackId } from './ids.ts';
import type { IpnDelivery, SandboxState } from './state.ts';

export interface IpnNotifierOptions {
  state: SandboxState;
  fetch: typeof fetch;
  /** Waits between attempts after the first one fails; its length bounds the retries. */
  retryDelaysMs: readonly number[];
  isTargetAllowed: (url: URL) => boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** The default target policy: the local sandbox only posts to this machine. */
export function isLoopbackUrl(url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;

  return LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * Posts IPN messages in the background and answers `_notify-validate` postbacks. Only the
 * exact bodies it sent validate, as at PayPal.
 */
export class IpnNotifier {
  readonly #options: IpnNotifierOptions;
  readonly #sent = new Set<string>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: IpnNotifierOptions) {
    this.#options = options;
  }

  send(
    notifyUrl: string,
    kind: IpnDelivery['kind'],
    txnId: string,
    fields: Record<string, string>,
  ): IpnDelivery {
    const trackId = newIpnTrackId();
    const body = new URLSearchParams({
      ...fields,
      verify_sign: randomBytes(42).toString('base64url'),
      ipn_track_id: trackId,
    }).toString();
    this.#sent.add(body);

    const delivery: IpnDelivery = {
      trackId,
      url: notifyUrl,
      body,
      kind,
      txnId,
      attempts: 0,
      status: 'pending',
    };
    this.#options.state.ipnDeliveries.push(delivery);
    if (!this.#allowed(notifyUrl)) {
      delivery.status = 'refused';
      delivery.lastError = 'notify URL is not on this machine';

      return delivery;
    }

    this.#schedule(delivery, 0);

    return delivery;
  }

  /** Answers a postback body `cmd=_notify-validate&…` with VERIFIED or INVALID. */
  verify(postback: string): 'VERIFIED' | 'INVALID' {
    const prefix = 'cmd=_notify-validate&';
    if (!postback.startsWith(prefix)) return 'INVALID';

    return this.#sent.has(postback.slice(prefix.length)) ? 'VERIFIED' : 'INVALID';
  }

  /** Resolves once no delivery is running or waiting for a retry. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#timers.size > 0) {
      await Promise.all(this.#inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#sent.clear();
  }

  #allowed(notifyUrl: string): boolean {
    try {
      return this.#options.isTargetAllowed(new URL(notifyUrl));
    } catch {
      return false;
    }
  }

  #schedule(delivery: IpnDelivery, delayMs: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      const attempt = this.#attempt(delivery).finally(() => this.#inFlight.delete(attempt));
      this.#inFlight.add(attempt);
    }, delayMs);
    timer.unref();
    this.#timers.add(timer);
  }

  async #attempt(delivery: IpnDelivery): Promise<void> {
    delivery.attempts += 1;
    try {
      const response = await this.#options.fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (response.status === 200) {
        delivery.status = 'delivered';
        delete delivery.lastError;

        return;
      }

      delivery.lastError = `HTTP ${response.status}`;
    } catch (error) {
      delivery.lastError = error instanceof Error ? error.message : String(error);
    }

    const delay = this.#options.retryDelaysMs[delivery.attempts - 1];
    if (delay === undefined) {
      delivery.status = 'failed';

      return;
    }

    this.#schedule(delivery, delay);
  }
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NvpCredentials } from '../nvp/types.ts';
import { handleWebscrGet, handleWebscrPost } from './buyer-routes.ts';
import type { SandboxContext } from './context.ts';
import { BodyTooLargeError, sendHtml, sendText } from './http.ts';
import { indexPage } from './index-page.ts';
import { IpnNotifier, isLoopbackUrl } from './ipn.ts';
import { handleMerchant } from './merchant-page.ts';
import { handleNvp } from './nvp-endpoint.ts';
import { handleSim } from './sim-routes.ts';
import { type SandboxBuyer, SandboxState } from './state.ts';

export type { IpnDelivery, SandboxBuyer, SandboxState } from './state.ts';

export interface SandboxOptions {
  /** The API credentials the sandbox accepts; each is a separate merchant. */
  credentials: NvpCredentials[];
  buyers: SandboxBuyer[];
  /** The clock; /sim/clock moves it further. Default `Date.now`. */
  now?: () => number;
  /** Used to post IPN messages. Default the global fetch. */
  ipnFetch?: typeof fetch;
  /** Waits between IPN retries. Default 1 s, 5 s, 30 s, 2 min, 10 min. */
  ipnRetryDelaysMs?: readonly number[];
  /** Which notify URLs may receive IPNs. Default: this machine only. */
  isIpnTargetAllowed?: (url: URL) => boolean;
}

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

export interface Sandbox {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  listen(port: number, host?: string): Promise<RunningSandbox>;
  state: SandboxState;
  /** Resolves when no IPN is being delivered or waiting for a retry. */
  ipnSettled(): Promise<void>;
}

const DEFAULT_IPN_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

async function route(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const { pathname } = url;
  if (pathname === '/nvp') return handleNvp(ctx, req, res);
  if (pathname === '/cgi-bin/webscr') {
    return req.method === 'POST' ? handleWebscrPost(ctx, req, res) : handleWebscrGet(ctx, url, res);
  }
  if (pathname === '/sim/merchant') return handleMerchant(ctx, req, res);
  if (pathname === '/') return sendHtml(res, 200, indexPage());
  if (pathname.startsWith('/sim/')) return handleSim(ctx, req, res, pathname);

  sendText(res, 404, 'Not Found');
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const state = new SandboxState();
  const clock = options.now ?? Date.now;
  const ipn = new IpnNotifier({
    state,
    fetch: options.ipnFetch ?? fetch,
    retryDelaysMs: options.ipnRetryDelaysMs ?? DEFAULT_IPN_RETRY_DELAYS_MS,
    isTargetAllowed: options.isIpnTargetAllowed ?? isLoopbackUrl,
  });
  const ctx: SandboxContext = {
    state,
    credentials: options.credentials,
    buyers: options.buyers,
    now: () => clock() + state.clockOffsetMs,
    ipn,
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(ctx, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();

        return;
      }

      if (error instanceof BodyTooLargeError) sendText(res, 413, 'Payload Too Large');
      else sendText(res, 500, 'Internal Server Error');
    });
  };

  const listen = async (port: number, host = '127.0.0.1'): Promise<RunningSandbox> => {
    const server = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

    return {
      url: `http://${urlHost}:${address.port}`,
      close: () =>
        new Promise<void>((resolve, reject) => {
          ipn.clear();
          server.closeAllConnections();
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    };
  };

  return { handler, listen, state, ipnSettled: () => ipn.settled() };
}

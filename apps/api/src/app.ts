import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '@wholesale/db/client';
import { createLoginThrottle } from '@wholesale/schema/auth/throttle';
import type { AppConfig } from '@wholesale/schema/config';
import type { Context } from '@wholesale/schema/context';
import type { MailTransport } from '@wholesale/schema/email/outbox';
import { connectPayPal } from '@wholesale/schema/payments/paypal-account';
import { schema } from '@wholesale/schema/schema';
import type { Services } from '@wholesale/schema/services';
import { SecretBox } from '@wholesale/schema/settings/secret-box';
import type { Plugin } from 'graphql-yoga';
import { createYoga, maskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { handleIpn } from './ipn-endpoint.ts';
import {
  createTokenRateLimiter,
  useJsonPostsOnly,
  useNoIntrospection,
  useQueryLimits,
  useRequestSizeLimit,
} from './limits.ts';
import { createRequestContext } from './request-context.ts';

export interface AppOptions {
  db: PrismaClient;
  log: Logger;
  config: AppConfig;
  mailTransport: MailTransport;
  /** Called when something enqueued an email, so the dispatcher need not wait for its tick. */
  wakeMail?: () => void;
  now?: () => Date;
  /** Requests an API token may make per window; 120 a minute unless set. */
  tokenRateLimit?: { points: number; seconds: number };
  /** Count API-token requests in the database, for several instances on one PostgreSQL. */
  sharedRateLimits?: boolean;
  /** Called when an IPN message was stored, so it is verified without waiting for a tick. */
  wakeIpn?: () => void;
  /** How PayPal is reached; tests pass one that records the NVP calls. */
  paypalFetch?: typeof fetch;
  /** Whether clients may introspect the schema; off when NODE_ENV is production, unless set. */
  introspection?: boolean;
}

const healthTimeoutMs = 3_000;

/** Whether the database answers a trivial query within a few seconds. */
async function databaseAnswers(db: PrismaClient): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), healthTimeoutMs);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Set-Cookie values resolvers asked for (the session cookie), by request. */
const responseCookies = new WeakMap<Request, string[]>();

function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of responseCookies.get(request) ?? []) {
        response.headers.append('set-cookie', cookie);
      }
    },
  };
}

export function createApp(options: AppOptions) {
  const { db, log, config } = options;
  const secrets = new SecretBox(config.secretKey);
  const services: Services = {
    config,
    secrets,
    paypal: (client) => connectPayPal(client, config, secrets, options.paypalFetch),
    mail: { transport: options.mailTransport, wake: options.wakeMail ?? (() => {}) },
    now: options.now ?? (() => new Date()),
    loginThrottle: createLoginThrottle(db),
  };

  const introspection = options.introspection ?? process.env.NODE_ENV !== 'production';
  const limitToken = createTokenRateLimiter({
    ...options.tokenRateLimit,
    shared: options.sharedRateLimits ? db : null,
  });
  // Over HTTP the node adapter hands each request its `req`; in-process calls have none.
  const yoga = createYoga<{ req?: IncomingMessage }>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Browsers reach the API only through the storefront's same-origin /graphql proxy; other
    // sites' pages must not be able to read answers made with the merchant's cookie.
    cors: false,
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      error: (...args) => log.error(args.map(String).join(' ')),
    },
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = (error as { originalError?: unknown }).originalError;
        if (original && !(original as { extensions?: unknown }).extensions) {
          log.error({ err: original }, 'unexpected error');
        }

        return maskError(error, message, isDev);
      },
    },
    context: async ({ request, req }) => {
      const context = await createRequestContext(request, {
        db,
        log,
        services,
        peerAddress: req?.socket.remoteAddress,
      });
      if (context.apiToken) await limitToken(context.apiToken.id);
      responseCookies.set(request, context.responseCookies);

      return context;
    },
    plugins: [
      useJsonPostsOnly(),
      useRequestSizeLimit(),
      ...useQueryLimits(),
      ...(introspection ? [] : [useNoIntrospection()]),
      useResponseCookies(),
    ],
  });

  /** The context of work no request asks for: expiry, reconciliation. */
  const systemContext = (): Context => ({
    db,
    log,
    services,
    viewer: null,
    apiToken: null,
    responseCookies: [],
    secure: false,
  });

  const ipn = { wake: options.wakeIpn ?? (() => {}) };

  /** The HTTP surface: GraphQL, PayPal's IPN endpoint and a health check. */
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      databaseAnswers(db).then((answers) => {
        // A load balancer or supervisor takes an instance that cannot reach its database out
        // of service (and may restart it) instead of sending it requests that will fail.
        response
          .writeHead(answers ? 200 : 503, { 'content-type': 'text/plain' })
          .end(answers ? 'ok' : 'database unreachable');
      });
      return;
    }
    if (path === '/paypal/ipn') {
      handleIpn(request, response, db, log).then(ipn.wake, (error: unknown) => {
        log.error({ err: error }, 'IPN not stored');
        if (!response.headersSent) response.writeHead(500).end();
      });
      return;
    }
    yoga(request, response);
  };

  return { yoga, handle, services, systemContext };
}

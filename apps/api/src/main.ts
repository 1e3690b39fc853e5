import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { databaseOptionsFromEnv, defaultDataDir, openMigratedDatabase } from '@wholesale/db/client';
import { clearExpiredRateLimits } from '@wholesale/schema/auth/throttle';
import { configFromEnv } from '@wholesale/schema/config';
import { dispatchDueEmails } from '@wholesale/schema/email/outbox';
import { createMailTransport } from '@wholesale/schema/email/transport';
import { expireUnpaidOrders } from '@wholesale/schema/orders/expire-unpaid';
import { reconcileRecentOrders } from '@wholesale/schema/orders/reconcile';
import { processIpnMessages } from '@wholesale/schema/payments/ipn';
import { SecretBox } from '@wholesale/schema/settings/secret-box';
import { deliverWebhooks } from '@wholesale/schema/webhooks/deliver';
import { createApp } from './app.ts';
import { seedDemoData } from './demo-data.ts';
import type { Jobs } from './jobs.ts';
import { jobWork, startJobs } from './jobs.ts';
import { createLogger } from './logger.ts';
import { loadSecretKey } from './secret-key.ts';

const log = createLogger();
// An error nothing handled leaves the process in an unknown state: it ends, as Node.js would end
// it, but says why in the log first so that a supervisor's restart can be traced to its cause.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    log.fatal({ err: error }, `${event}; stopping`);
    process.exit(1);
  });
}
const options = databaseOptionsFromEnv();
const database = await openWhenReachable();
log.info({ database: database.kind, location: database.location }, 'database ready');

/**
 * PostgreSQL may come up after the API (a machine booting, containers started together): the
 * API waits for it, DATABASE_WAIT_SECONDS (60) at most, instead of failing at once. Other
 * failures (a wrong password, a migration that cannot apply) end the start right away.
 */
async function openWhenReachable() {
  const deadline = Date.now() + Number(process.env.DATABASE_WAIT_SECONDS ?? 60) * 1000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await openMigratedDatabase(options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const unreachable =
        /can't reach database server|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|EAI_AGAIN|timeout|starting up|shutting down|Connection terminated/i.test(
          message,
        );
      const waitMs = Math.min(5_000, 500 * 2 ** (attempt - 1));
      if (!options.url || !unreachable || Date.now() + waitMs > deadline) {
        log.fatal(
          { err: error },
          unreachable ? 'the database did not become reachable; stopping' : 'database start failed',
        );
        process.exit(1);
      }
      log.warn({ retryInMs: waitMs, reason: message.split('\n')[0] }, 'database not reachable yet');
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

const dataRoot = dirname(options.dataDir ?? defaultDataDir);
const config = configFromEnv(await loadSecretKey(join(dataRoot, 'secret.key')));

if (
  process.env.DEMO_DATA !== '0' &&
  (await seedDemoData(database.prisma, new SecretBox(config.secretKey)))
) {
  log.info('demo data created');
}

const mailTransport = createMailTransport();
log.info({ mail: mailTransport.description }, 'mail transport');

let jobs: Jobs | undefined;
const { handle, systemContext } = createApp({
  db: database.prisma,
  log,
  config,
  mailTransport,
  sharedRateLimits: database.kind === 'postgresql',
  wakeMail: () => jobs?.wake('send-emails'),
  wakeIpn: () => jobs?.wake('process-ipn'),
});
jobs = await startJobs({
  log,
  postgresUrl: options.url,
  work: jobWork(systemContext, {
    sendEmails: (context) => dispatchDueEmails(context.db, mailTransport, context.log),
    processIpn: processIpnMessages,
    expire: expireUnpaidOrders,
    reconcile: reconcileRecentOrders,
    deliverWebhooks: (context) => deliverWebhooks(context),
    clearRateLimits: (context) => clearExpiredRateLimits(context.db),
  }),
});
log.info(
  { runner: options.url ? 'graphile-worker' : 'in-process timers' },
  'background jobs started',
);

const server = createServer(handle);
const port = Number(process.env.API_PORT ?? 4000);
const host = process.env.API_HOST ?? '127.0.0.1';
server.listen(port, host, () => log.info(`GraphQL API on http://${host}:${port}/graphql`));

async function shutdown(signal: string) {
  log.info({ signal }, 'shutting down');
  server.close();
  await jobs?.stop();
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

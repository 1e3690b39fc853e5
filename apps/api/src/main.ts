import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { databaseOptionsFromEnv, defaultDataDir, openMigratedDatabase } from '@wholesale/db/client';
import { configFromEnv } from '@wholesale/schema/config';
import { startMailDispatcher } from '@wholesale/schema/email/dispatcher';
import { createMailTransport } from '@wholesale/schema/email/transport';
import { startPeriodicTask } from '@wholesale/schema/jobs/periodic';
import { expireUnpaidOrders } from '@wholesale/schema/orders/expire-unpaid';
import { reconcileRecentOrders } from '@wholesale/schema/orders/reconcile';
import { processIpnMessages } from '@wholesale/schema/payments/ipn';
import { SecretBox } from '@wholesale/schema/settings/secret-box';
import { createApp } from './app.ts';
import { seedDemoData } from './demo-data.ts';
import { createLogger } from './logger.ts';
import { loadSecretKey } from './secret-key.ts';

const log = createLogger();
const options = databaseOptionsFromEnv();
const database = await openMigratedDatabase(options);
log.info({ database: database.kind, location: database.location }, 'database ready');

const dataRoot = dirname(options.dataDir ?? defaultDataDir);
const config = configFromEnv(await loadSecretKey(join(dataRoot, 'secret.key')));

if (
  process.env.DEMO_DATA !== '0' &&
  (await seedDemoData(database.prisma, new SecretBox(config.secretKey)))
) {
  log.info('demo data created');
}

const mailTransport = createMailTransport();
const dispatcher = startMailDispatcher({ db: database.prisma, transport: mailTransport, log });
log.info({ mail: mailTransport.description }, 'mail dispatcher started');

let wakeIpn = () => {};
const { handle, systemContext } = createApp({
  db: database.prisma,
  log,
  config,
  mailTransport,
  wakeMail: dispatcher.wake,
  wakeIpn: () => wakeIpn(),
});
const ipn = startPeriodicTask({
  name: 'ipn',
  intervalMs: 30_000,
  log,
  run: async () => {
    while ((await processIpnMessages(systemContext())) > 0) {}
  },
});
wakeIpn = ipn.wake;
const reconciliation = startPeriodicTask({
  name: 'reconciliation',
  intervalMs: 15 * 60_000,
  log,
  run: async () => {
    await reconcileRecentOrders(systemContext());
  },
});
const expiry = startPeriodicTask({
  name: 'order-expiry',
  intervalMs: 60_000,
  log,
  run: async () => {
    const cancelled = await expireUnpaidOrders(systemContext());
    if (cancelled > 0) log.info({ cancelled }, 'unpaid orders expired');
  },
});

const server = createServer(handle);

const port = Number(process.env.API_PORT ?? 4000);
const host = process.env.API_HOST ?? '127.0.0.1';
server.listen(port, host, () => log.info(`GraphQL API on http://${host}:${port}/graphql`));

async function shutdown(signal: string) {
  log.info({ signal }, 'shutting down');
  server.close();
  await Promise.all([dispatcher.stop(), expiry.stop(), ipn.stop(), reconciliation.stop()]);
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

import type { PrismaClient } from '@wholesale/db/client';
import type { Logger } from 'pino';
import type { PeriodicTask } from '../jobs/periodic.ts';
import { startPeriodicTask } from '../jobs/periodic.ts';
import type { MailTransport } from './outbox.ts';
import { dispatchDueEmails } from './outbox.ts';

/** Sends the outbox in the background: on every tick, and whenever something was enqueued. */
export function startMailDispatcher(options: {
  db: PrismaClient;
  transport: MailTransport;
  log: Logger;
  intervalMs?: number;
}): PeriodicTask {
  const { db, transport, log } = options;

  return startPeriodicTask({
    name: 'mail',
    intervalMs: options.intervalMs ?? 5000,
    log,
    async run() {
      while ((await dispatchDueEmails(db, transport, log)) > 0) {}
    },
  });
}

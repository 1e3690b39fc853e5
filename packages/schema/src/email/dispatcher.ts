import type { PrismaClient } from '@wholesale/db/client';
import type { Logger } from 'pino';
import type { MailTransport } from './outbox.ts';
import { dispatchDueEmails } from './outbox.ts';

export interface MailDispatcher {
  /** Look at the outbox now rather than at the next tick. */
  wake(): void;
  /** Stops ticking and waits for a send in progress. */
  stop(): Promise<void>;
}

/** Sends the outbox in the background: on every tick, and whenever something was enqueued. */
export function startMailDispatcher(options: {
  db: PrismaClient;
  transport: MailTransport;
  log: Logger;
  intervalMs?: number;
}): MailDispatcher {
  const { db, transport, log } = options;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          while ((await dispatchDueEmails(db, transport, log)) > 0 && !stopped) {}
        } catch (error) {
          log.error({ err: error }, 'outbox dispatch failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const timer = setInterval(run, options.intervalMs ?? 5000);
  timer.unref();
  run();

  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

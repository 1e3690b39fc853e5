import type { Context } from '@wholesale/schema/context';
import { startPeriodicTask } from '@wholesale/schema/jobs/periodic';
import type { Runner, TaskList } from 'graphile-worker';
import { run, runMigrations, Logger as WorkerLogger } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';

/** The background work of the shop. Each job reads its work from the database and is safe to
 * run again, on any instance: the outbox and IPN messages are leased under SKIP LOCKED, expiry
 * and reconciliation take each order under its lock. */
export interface JobWork {
  'send-emails': () => Promise<void>;
  'process-ipn': () => Promise<void>;
  'expire-unpaid-orders': () => Promise<void>;
  'reconcile-orders': () => Promise<void>;
  'deliver-webhooks': () => Promise<void>;
}

export type JobName = keyof JobWork;

const schedule: Record<JobName, { cron: string; everyMs: number }> = {
  'send-emails': { cron: '* * * * *', everyMs: 5_000 },
  'process-ipn': { cron: '* * * * *', everyMs: 30_000 },
  'expire-unpaid-orders': { cron: '* * * * *', everyMs: 60_000 },
  'reconcile-orders': { cron: '*/15 * * * *', everyMs: 15 * 60_000 },
  'deliver-webhooks': { cron: '* * * * *', everyMs: 10_000 },
};

export interface Jobs {
  /** Run the job soon rather than at its next scheduled time. */
  wake(name: JobName): void;
  stop(): Promise<void>;
}

/**
 * On PostgreSQL the jobs run on graphile-worker: its crontab schedules them once across all API
 * instances, and a wake queues one run (deduplicated by job key) that any instance may take.
 * The embedded PGlite database can only be opened by one process, so there the same jobs run
 * on timers inside it; a restart loses nothing either way, since the work lives in the tables.
 */
export async function startJobs(options: {
  work: JobWork;
  log: Logger;
  postgresUrl?: string | undefined;
}): Promise<Jobs> {
  const { work, log } = options;
  if (options.postgresUrl) return startWorker(options.postgresUrl, work, log);

  const tasks = Object.fromEntries(
    (Object.keys(work) as JobName[]).map((name) => [
      name,
      startPeriodicTask({ name, intervalMs: schedule[name].everyMs, log, run: work[name] }),
    ]),
  ) as Record<JobName, ReturnType<typeof startPeriodicTask>>;

  return {
    wake: (name) => tasks[name].wake(),
    stop: async () => {
      await Promise.all(Object.values(tasks).map((task) => task.stop()));
    },
  };
}

/**
 * graphile-worker installs its schema on first start; two instances starting together would
 * both try. An advisory lock lets one install it while the other waits.
 */
async function migrateWorkerSchema(pgPool: pg.Pool) {
  const client = await pgPool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('wholesale:graphile-worker:migrate'))`);
    await runMigrations({ pgPool, logger: silentLogger });
  } finally {
    // A connection that cannot unlock is closed instead, which releases its lock too.
    const unlocked = await client
      .query(`SELECT pg_advisory_unlock(hashtext('wholesale:graphile-worker:migrate'))`)
      .then(
        () => true,
        () => false,
      );
    client.release(!unlocked);
  }
}

const silentLogger = new WorkerLogger(() => () => {});

async function startWorker(connectionString: string, work: JobWork, log: Logger): Promise<Jobs> {
  // The worker's connections are the shop's own pool rather than one graphile-worker makes:
  // its own pool is ended without waiting and loses its error listener first, so a connection
  // the server closes during shutdown would surface as an unhandled error. Stopping here waits
  // until every connection is closed.
  const pgPool = new pg.Pool({ connectionString, max: 4, application_name: 'wholesale-jobs' });
  pgPool.on('error', (error) => {
    log.warn({ err: error, worker: true }, 'job database connection closed');
  });
  try {
    await migrateWorkerSchema(pgPool);
  } catch (error) {
    await pgPool.end();
    throw error;
  }
  const taskList: TaskList = Object.fromEntries(
    Object.entries(work).map(([name, job]) => [name, () => job()]),
  );
  const crontab = (Object.keys(schedule) as JobName[])
    .map((name) => `${schedule[name].cron} ${name} ?jobKey=${name}&max=3`)
    .join('\n');
  const runner: Runner = await run({
    pgPool,
    concurrency: 2,
    pollInterval: 2_000,
    noHandleSignals: true,
    taskList,
    crontab,
    logger: new WorkerLogger((scope) => (level, message, meta) => {
      const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
      log[method]({ ...scope, ...meta, worker: true }, message);
    }),
  });

  return {
    wake: (name) => {
      runner.addJob(name, {}, { jobKey: name, maxAttempts: 3 }).catch((error: unknown) => {
        log.error({ err: error, job: name }, 'job not queued');
      });
    },
    stop: async () => {
      await runner.stop();
      await pgPool.end();
    },
  };
}

/** The jobs' work, run in the context of no request. */
export function jobWork(
  systemContext: () => Context,
  work: {
    sendEmails: (context: Context) => Promise<number>;
    processIpn: (context: Context) => Promise<number>;
    expire: (context: Context) => Promise<number>;
    reconcile: (context: Context) => Promise<number>;
    deliverWebhooks: (context: Context) => Promise<number>;
  },
): JobWork {
  const drain = (step: (context: Context) => Promise<number>) => async () => {
    while ((await step(systemContext())) > 0) {}
  };

  return {
    'send-emails': drain(work.sendEmails),
    'process-ipn': drain(work.processIpn),
    'expire-unpaid-orders': async () => {
      await work.expire(systemContext());
    },
    'reconcile-orders': async () => {
      await work.reconcile(systemContext());
    },
    'deliver-webhooks': drain(work.deliverWebhooks),
  };
}

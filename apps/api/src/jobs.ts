import { EventEmitter } from 'node:events';
import type { Context } from '@wholesale/schema/context';
import { startPeriodicTask } from '@wholesale/schema/jobs/periodic';
import type { Runner, TaskList, WorkerEvents, WorkerUtils } from 'graphile-worker';
import { makeWorkerUtils, run, runMigrations, Logger as WorkerLogger } from 'graphile-worker';
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
  'clear-rate-limits': () => Promise<void>;
}

export type JobName = keyof JobWork;

const schedule: Record<JobName, { cron: string; everyMs: number }> = {
  'send-emails': { cron: '* * * * *', everyMs: 5_000 },
  'process-ipn': { cron: '* * * * *', everyMs: 30_000 },
  'expire-unpaid-orders': { cron: '* * * * *', everyMs: 60_000 },
  'reconcile-orders': { cron: '*/15 * * * *', everyMs: 15 * 60_000 },
  'deliver-webhooks': { cron: '* * * * *', everyMs: 10_000 },
  'clear-rate-limits': { cron: '*/10 * * * *', everyMs: 10 * 60_000 },
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

/** How long the jobs wait before starting again after they stopped on an error. */
function restartDelayMs(attempt: number) {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}

async function startWorker(connectionString: string, work: JobWork, log: Logger): Promise<Jobs> {
  // The worker's connections are the shop's own pool rather than one graphile-worker makes:
  // its own pool is ended without waiting and loses its error listener first, so a connection
  // the server closes during shutdown would surface as an unhandled error. Stopping here waits
  // until every connection is closed.
  const pgPool = new pg.Pool({
    connectionString,
    max: 4,
    application_name: 'wholesale-jobs',
    connectionTimeoutMillis: 10_000,
  });
  const connectionLost = (error: Error) => {
    log.warn({ err: error, worker: true }, 'job database connection closed');
  };
  pgPool.on('error', connectionLost);
  pgPool.on('connect', (client) => client.on('error', connectionLost));
  const taskList: TaskList = Object.fromEntries(
    Object.entries(work).map(([name, job]) => [name, () => job()]),
  );
  const crontab = (Object.keys(schedule) as JobName[])
    .map((name) => `${schedule[name].cron} ${name} ?jobKey=${name}&max=3`)
    .join('\n');
  // The ids of the worker pools of the runner now running: a runner that stops on an error
  // leaves the jobs it held locked (for four hours, graphile-worker's lock timeout); those are
  // unlocked when the next runner starts, so they run again at once and do not linger.
  let poolIds: string[] = [];
  const launch = async () => {
    await migrateWorkerSchema(pgPool);
    const events: WorkerEvents = new EventEmitter();
    const ids: string[] = [];
    events.on('pool:create', ({ workerPool }) => ids.push(workerPool.id));
    const started = await run({
      pgPool,
      events,
      concurrency: 2,
      pollInterval: 2_000,
      noHandleSignals: true,
      // Recording a job's outcome goes through graphile-worker's batcher, which retries while
      // the database is away (for minutes) and stops the runner if it stays away; without it a
      // job that ends while the database is away rejects a promise nobody handles.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      taskList,
      crontab,
      logger: new WorkerLogger((scope) => (level, message, meta) => {
        const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
        log[method]({ ...scope, ...meta, worker: true }, message);
      }),
    });
    const stale = poolIds;
    poolIds = ids;
    if (stale.length > 0) {
      await utils?.forceUnlockWorkers(stale).catch((error: unknown) => {
        log.warn({ err: error, worker: true }, 'jobs of the stopped runner not unlocked');
      });
    }

    return started;
  };

  // graphile-worker stops its runner when it loses the database in the middle of a job (it
  // cannot record the job's outcome). The shop's work must go on once the database is back,
  // without a restart of the API, so a runner that stops on its own is started again, waiting
  // longer after each failed start. The work itself lives in the tables and is picked up again.
  let stopping = false;
  let runner: Runner | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let failedStarts = 0;
  const supervise = (started: Runner) => {
    runner = started;
    started.promise
      .then(
        () => undefined,
        (error: unknown) => error,
      )
      .then((error) => {
        if (stopping || runner !== started) return;
        runner = undefined;
        log.warn({ err: error, worker: true }, 'background jobs stopped; starting them again');
        restartLater();
      });
  };
  const restartLater = () => {
    const delay = restartDelayMs(failedStarts + 1);
    restartTimer = setTimeout(async () => {
      restartTimer = undefined;
      if (stopping) return;
      try {
        const started = await launch();
        if (stopping) {
          await started.stop().catch(() => {});
          return;
        }
        failedStarts = 0;
        supervise(started);
        log.info({ worker: true }, 'background jobs started again');
        // What was due while they were stopped runs now rather than at its next scheduled time.
        for (const name of Object.keys(schedule) as JobName[]) queue(name);
      } catch (error) {
        failedStarts += 1;
        log.warn(
          { err: error, worker: true, retryInMs: restartDelayMs(failedStarts + 1) },
          'background jobs could not start',
        );
        if (!stopping) restartLater();
      }
    }, delay);
  };

  let utils: WorkerUtils | undefined;
  const queue = (name: JobName) => {
    utils?.addJob(name, {}, { jobKey: name, maxAttempts: 3 }).catch((error: unknown) => {
      log.error({ err: error, job: name }, 'job not queued');
    });
  };
  try {
    supervise(await launch());
    // A wake is queued in the database, not through the runner, so that one made while the
    // runner is being started again is not lost.
    utils = await makeWorkerUtils({ pgPool, logger: silentLogger });
  } catch (error) {
    stopping = true;
    await runner?.stop().catch(() => {});
    await pgPool.end();
    throw error;
  }

  return {
    wake: queue,
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      await runner?.stop().catch((error: unknown) => {
        log.debug({ err: error, worker: true }, 'background jobs had already stopped');
      });
      await utils?.release();
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
    clearRateLimits: (context: Context) => Promise<number>;
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
    'clear-rate-limits': async () => {
      await work.clearRateLimits(systemContext());
    },
  };
}

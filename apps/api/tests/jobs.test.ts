import { openMigratedDatabase } from '@wholesale/db/client';
import type { MailTransport } from '@wholesale/schema/email/outbox';
import { dispatchDueEmails, enqueueEmail } from '@wholesale/schema/email/outbox';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from '../../../tests/faults/support/tcp-proxy.ts';
import type { Jobs } from '../src/jobs.ts';
import { startJobs } from '../src/jobs.ts';
import { createTestDatabase, postgresServerUrl } from './test-database.ts';

const log = pino({ level: process.env.JOBS_TEST_LOG ?? 'silent' });

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(postgresServerUrl())('background jobs on PostgreSQL (graphile-worker)', () => {
  let testDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Awaited<ReturnType<typeof openMigratedDatabase>>;
  const running: Jobs[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgresql');
    database = await openMigratedDatabase(testDatabase.options);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(running.map((jobs) => jobs.stop()));
    await database?.close();
    await testDatabase?.drop();
  });

  /** An API instance's job runner whose mail transport records what it sent. */
  async function instance(
    sent: string[],
    options: { postgresUrl?: string; beforeSending?: () => Promise<void> } = {},
  ) {
    const transport: MailTransport = {
      description: 'test',
      async send(message) {
        sent.push(message.subject);
      },
    };
    const sendEmails = async () => {
      await options.beforeSending?.();
      while ((await dispatchDueEmails(database.prisma, transport, log)) > 0) {}
    };
    const idle = async () => {};
    const jobs = await startJobs({
      log,
      postgresUrl: options.postgresUrl ?? (testDatabase.options as { url: string }).url,
      work: {
        'send-emails': sendEmails,
        'process-ipn': idle,
        'expire-unpaid-orders': idle,
        'reconcile-orders': idle,
        'deliver-webhooks': idle,
        'clear-rate-limits': idle,
      },
    });
    running.push(jobs);

    return jobs;
  }

  it('sends work left from before a restart, once, with two instances sharing it', async () => {
    // Enqueued while no instance runs: the work survives in the database.
    for (let i = 0; i < 30; i += 1) {
      await enqueueEmail(database.prisma, {
        to: `buyer${i}@example.com`,
        subject: `mail ${i}`,
        text: 'x',
      });
    }
    const sentByA: string[] = [];
    const sentByB: string[] = [];
    const [a, b] = await Promise.all([instance(sentByA), instance(sentByB)]);
    a.wake('send-emails');
    b.wake('send-emails');

    await until(
      async () => (await database.prisma.emailMessage.count({ where: { status: 'SENT' } })) === 30,
    );
    const all = [...sentByA, ...sentByB].sort();
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    const jobTables = await database.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM information_schema.tables WHERE table_schema = 'graphile_worker'`;
    expect(Number(jobTables[0]?.count)).toBeGreaterThan(0);
  });

  it('starts again by itself after losing the database in the middle of a job', async () => {
    await Promise.all(running.splice(0).map((jobs) => jobs.stop()));
    const direct = new URL((testDatabase.options as { url: string }).url);
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const sent: string[] = [];
    let cutOnce = true;
    let restored = false;
    try {
      const jobs = await instance(sent, {
        postgresUrl: proxied.toString(),
        // The first run loses the database while it works, so the runner cannot record the
        // job's outcome and stops; the database comes back a moment later.
        beforeSending: async () => {
          if (!cutOnce) return;
          cutOnce = false;
          await proxy.cut('refuse');
          setTimeout(async () => {
            await proxy.restore();
            restored = true;
          }, 1_500);
        },
      });
      await enqueueEmail(database.prisma, { to: 'after@example.com', subject: 'after', text: 'x' });
      jobs.wake('send-emails');

      await until(async () => !cutOnce);
      await until(async () => sent.includes('after'));
      // Work enqueued after the database came back is done without a restart of the instance.
      await until(async () => restored);
      await enqueueEmail(database.prisma, { to: 'later@example.com', subject: 'later', text: 'x' });
      jobs.wake('send-emails');
      await until(async () => sent.includes('later'), 30_000);
      // The job the stopped runner held is unlocked and done, not left locked for hours.
      const locked = async () => {
        const rows = await database.prisma.$queryRaw<{ count: bigint }[]>`
          SELECT count(*) FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL`;
        return Number(rows[0]?.count);
      };
      await until(async () => (await locked()) === 0, 30_000);
    } finally {
      await Promise.all(running.splice(0).map((jobs) => jobs.stop()));
      await proxy.close();
    }
  }, 120_000);

  it('has closed every connection of its own when stop resolves', async () => {
    const jobConnections = async () => {
      const rows = await database.prisma.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'wholesale-jobs'`;
      return Number(rows[0]?.count);
    };
    await Promise.all([instance([]), instance([])]);
    expect(await jobConnections()).toBeGreaterThan(0);
    // A server that closes its connections after a stop (a forced drop, a restart) finds none
    // left to end, so nothing surfaces later as an error of a pool nobody listens to.
    await Promise.all(running.splice(0).map((jobs) => jobs.stop()));
    // The server lists a backend until it has exited, a moment after the client hung up.
    await until(async () => (await jobConnections()) === 0, 3_000);
  });
});

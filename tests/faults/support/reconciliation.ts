import type { FaultDatabase } from './databases.ts';
import { eventually } from './shop.ts';

/**
 * Runs the scheduled reconciliation now rather than at its quarter hour, as graphile-worker's
 * own SQL API lets anyone with the database do, and waits until a worker has finished it.
 */
export async function runReconciliationOnPostgres(db: FaultDatabase): Promise<void> {
  const [job] = await db.query<{ id: string }>(
    `SELECT id FROM graphile_worker.add_job('reconcile-orders', job_key := 'reconcile-orders')`,
  );
  await eventually(
    'reconciliation job finished',
    async () => {
      const rows = await db.query(`SELECT 1 FROM graphile_worker.jobs WHERE id = $1`, [job?.id]);
      return rows.length === 0;
    },
    60_000,
  );
}

/** Waits until the order payment lock held at `until` has expired. */
export async function outwait(until: Date | null): Promise<void> {
  const ms = until ? new Date(until).getTime() - Date.now() + 500 : 0;
  if (ms > 0) await new Promise((done) => setTimeout(done, ms));
}

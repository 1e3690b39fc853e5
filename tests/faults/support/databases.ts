import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createTestDatabase, type DatabaseKind } from '../../../apps/api/tests/test-database.ts';

/** A database of its own for one API process, and SQL on it for the checks. */
export interface FaultDatabase {
  kind: DatabaseKind;
  /** The environment that points the API at it. */
  env: Record<string, string>;
  /** On PGlite only while no API process has it open: it admits one process at a time. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createFaultDatabase(kind: DatabaseKind): Promise<FaultDatabase> {
  if (kind === 'pglite') {
    const root = await mkdtemp(join(tmpdir(), 'wholesale-faults-'));
    const dataDir = join(root, 'pglite');

    return {
      kind,
      env: { PGLITE_DATA_DIR: dataDir },
      async query(sql, params) {
        const db = await PGlite.create(dataDir);
        try {
          return (await db.query(sql, params)).rows as never[];
        } finally {
          await db.close();
        }
      },
      drop: () => rm(root, { recursive: true, force: true }),
    };
  }

  const created = await createTestDatabase('postgresql');
  const url = created.options.url;
  if (!url) throw new Error('no PostgreSQL database was created');

  return {
    kind,
    env: { DATABASE_URL: url },
    async query(sql, params) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    drop: created.drop,
  };
}

/** Everything that must happen once per paid order, counted from the database. */
export async function orderLedger(db: FaultDatabase, orderNumber: string) {
  const [order] = await db.query<{
    id: string;
    status: string;
    paymentStatus: string;
    paymentLockedUntil: Date | null;
  }>(`SELECT id, status, "paymentStatus", "paymentLockedUntil" FROM "Order" WHERE number = $1`, [
    Number(orderNumber),
  ]);
  if (!order) throw new Error(`no order ${orderNumber}`);
  const count = async (sql: string) =>
    Number((await db.query<{ n: number }>(sql, [order.id]))[0]?.n ?? 0);

  return {
    ...order,
    settledPayments: await count(
      `SELECT count(*) AS n FROM "Payment" WHERE "orderId" = $1 AND "paypalTransactionId" IS NOT NULL`,
    ),
    orderEmails: await count(
      `SELECT count(*) AS n FROM "EmailMessage" WHERE "orderId" = $1 AND "dedupeKey" LIKE 'order-received:%'`,
    ),
    paidEvents: await count(
      `SELECT count(*) AS n FROM "OrderEvent" WHERE "orderId" = $1 AND kind = 'PAYMENT_STATUS' AND "toValue" = 'PAID'`,
    ),
  };
}

export async function stockOf(db: FaultDatabase, sku: string): Promise<number> {
  const [row] = await db.query<{ stock: number }>(`SELECT stock FROM "Product" WHERE sku = $1`, [
    sku,
  ]);

  return Number(row?.stock);
}

import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

export interface RecordedStatement {
  sql: string;
  args: unknown[];
  ms: number;
  /** Rows the database sent back (or changed). */
  rows: number;
}

/**
 * Every statement Prisma sends to the database, with its time: the driver adapter is wrapped,
 * so what is counted is what reaches the database (BEGIN and COMMIT included).
 */
export class SqlRecorder {
  statements = 0;
  /** Milliseconds spent waiting for the database, summed over statements. */
  ms = 0;
  /**
   * Milliseconds with at least one statement in flight: Prisma sends a query's relations side
   * by side, so this, not `ms`, is the database's share of the wall clock.
   */
  busyMs = 0;
  private inFlight = 0;
  private busySince = 0;
  private log: RecordedStatement[] | null = null;

  /** Runs `work` and answers what it sent; concurrent work outside it is counted too. */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; log: RecordedStatement[] }> {
    const log: RecordedStatement[] = [];
    this.log = log;
    try {
      return { result: await work(), log };
    } finally {
      this.log = null;
    }
  }

  async time<T>(sql: string, args: unknown[], run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    if (this.inFlight === 0) this.busySince = started;
    this.inFlight += 1;
    let rows = 0;
    try {
      const result = await run();
      if (typeof result === 'number') rows = result;
      else if (result && typeof result === 'object' && 'rows' in result) {
        rows = (result.rows as unknown[]).length;
      }
      return result;
    } finally {
      const ended = performance.now();
      const ms = ended - started;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.busyMs += ended - this.busySince;
      this.statements += 1;
      this.ms += ms;
      this.log?.push({ sql, args, ms, rows });
    }
  }
}

function recordQueries<T extends Pick<SqlDriverAdapter, 'queryRaw' | 'executeRaw'>>(
  target: T,
  recorder: SqlRecorder,
): Pick<SqlDriverAdapter, 'queryRaw' | 'executeRaw'> {
  return {
    queryRaw: (query: SqlQuery) =>
      recorder.time(query.sql, query.args, () => target.queryRaw(query)),
    executeRaw: (query: SqlQuery) =>
      recorder.time(query.sql, query.args, () => target.executeRaw(query)),
  };
}

function recordTransaction(transaction: Transaction, recorder: SqlRecorder): Transaction {
  return Object.assign(Object.create(transaction) as Transaction, {
    ...recordQueries(transaction, recorder),
    commit: () => recorder.time('COMMIT', [], () => transaction.commit()),
    rollback: () => recorder.time('ROLLBACK', [], () => transaction.rollback()),
  });
}

function recordAdapter(adapter: SqlDriverAdapter, recorder: SqlRecorder): SqlDriverAdapter {
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    ...recordQueries(adapter, recorder),
    startTransaction: async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
      recordTransaction(
        await recorder.time('BEGIN', [], () => adapter.startTransaction(...args)),
        recorder,
      ),
  });
}

/** The factory Prisma is given: the database's own, with every connection recorded. */
export function recordingFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
  recorder: SqlRecorder,
): SqlMigrationAwareDriverAdapterFactory {
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => recordAdapter(await factory.connect(), recorder),
  });
}

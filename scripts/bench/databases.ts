import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedDatabase } from '@wholesale/db/client';
import { PrismaClient } from '@wholesale/db/prisma';
import pg from 'pg';
import type { DatabaseChoice } from './args.ts';
import { recordingFactory, SqlRecorder } from './sql-counter.ts';

export type BenchDatabaseKind = 'pglite' | 'postgresql';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** A client whose every statement the recorder sees. */
  prisma: PrismaClient;
  recorder: SqlRecorder;
  close(): Promise<void>;
  /** Drops the database at once, statements still running included; for an interrupted run. */
  abort(): Promise<void>;
}

/** The PostgreSQL server the benchmark may create its database on, if the environment names one. */
export function postgresServerUrl(env = process.env): string | undefined {
  return env.DATABASE_URL || env.TEST_DATABASE_URL || undefined;
}

/** Which databases to run on, and a line saying why when PostgreSQL is left out. */
export function chooseDatabases(choice: DatabaseChoice | null): {
  kinds: BenchDatabaseKind[];
  note: string | null;
} {
  const server = postgresServerUrl();
  if (choice === 'pglite') return { kinds: ['pglite'], note: null };
  if (choice === 'postgres' || choice === 'both') {
    if (!server) throw new Error('--db postgres needs DATABASE_URL or TEST_DATABASE_URL.');
    return { kinds: choice === 'both' ? ['pglite', 'postgresql'] : ['postgresql'], note: null };
  }
  if (server) return { kinds: ['pglite', 'postgresql'], note: null };

  return {
    kinds: ['pglite'],
    note: 'PGlite only: set DATABASE_URL or TEST_DATABASE_URL to run on PostgreSQL too.',
  };
}

async function createPostgresDatabase(serverUrl: string) {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  return {
    options: { url: url.toString() },
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function createPgliteFolder() {
  // On disk rather than in memory: the full dataset is larger than PGlite's memory wants to be.
  const folder = await mkdtemp(join(tmpdir(), 'wholesale-bench-'));

  return {
    options: { dataDir: join(folder, 'pglite') },
    drop: () => rm(folder, { recursive: true, force: true }),
  };
}

/** A fresh, migrated database of the benchmark's own, dropped by `close`. */
export async function openBenchDatabase(kind: BenchDatabaseKind): Promise<BenchDatabase> {
  const server = postgresServerUrl();
  const place =
    kind === 'postgresql' && server
      ? await createPostgresDatabase(server)
      : await createPgliteFolder();
  const database = await openMigratedDatabase(place.options);
  const recorder = new SqlRecorder();
  const prisma = new PrismaClient({ adapter: recordingFactory(database.adapterFactory, recorder) });

  return {
    kind,
    prisma,
    recorder,
    async close() {
      await prisma.$disconnect();
      await database.close();
      await place.drop();
    },
    abort: () => place.drop(),
  };
}

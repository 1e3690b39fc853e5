import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { applyMigrations } from './migrate.ts';

export type { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgresql';
  /** Where the data lives, without credentials: a folder, `memory://` or host/database. */
  location: string;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite's data folder, or `memory://` for a throwaway database. */
  dataDir?: string | undefined;
}

export const defaultDataDir = join(import.meta.dirname, '..', '..', '..', '.data', 'pglite');

/** Opens the database the environment names: PostgreSQL for DATABASE_URL, else PGlite. */
export function databaseOptionsFromEnv(env = process.env): DatabaseOptions {
  return { url: env.DATABASE_URL || undefined, dataDir: env.PGLITE_DATA_DIR || undefined };
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    const url = new URL(options.url);
    // Without a connect timeout a server that accepts connections but never answers (a lost
    // network, a hung proxy) holds every request forever; with it such requests fail and the
    // pool connects afresh once the server answers again. Known limit: a query already running
    // on a connection that goes silent (no reset, no answer) is only ended by the operating
    // system's TCP timeouts.
    const adapterFactory = new PrismaPg({
      connectionString: options.url,
      connectionTimeoutMillis: 10_000,
    });
    const prisma = new PrismaClient({ adapter: adapterFactory });

    return {
      prisma,
      kind: 'postgresql',
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      adapterFactory,
      close: () => prisma.$disconnect(),
    };
  }

  const dataDir = options.dataDir ?? defaultDataDir;
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });

  return {
    prisma,
    kind: 'pglite',
    location: dataDir,
    adapterFactory: adapterFactory as unknown as SqlMigrationAwareDriverAdapterFactory,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** Opens the database and brings its schema up to date with prisma/migrations. */
export async function openMigratedDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = await openDatabase(options);
  try {
    await applyMigrations(database.adapterFactory);
  } catch (error) {
    await database.close();
    throw error;
  }

  return database;
}

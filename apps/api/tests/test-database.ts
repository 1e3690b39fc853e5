import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgresql';

/** The server the PostgreSQL tests use: TEST_DATABASE_URL, else DATABASE_URL. */
export function postgresServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * The databases the API tests run on: always PGlite, and PostgreSQL when a server is given.
 * The full test run sets REQUIRE_POSTGRES so that a missing server fails instead of skipping.
 */
export function databaseKinds(): DatabaseKind[] {
  if (postgresServerUrl()) return ['pglite', 'postgresql'];
  if (process.env.REQUIRE_POSTGRES) {
    throw new Error('REQUIRE_POSTGRES is set but neither TEST_DATABASE_URL nor DATABASE_URL is.');
  }

  return ['pglite'];
}

/**
 * A database of its own for one test file: an in-memory PGlite, or a fresh database on the
 * PostgreSQL server, dropped afterwards.
 */
export async function createTestDatabase(kind: DatabaseKind) {
  if (kind === 'pglite') return { options: { dataDir: 'memory://' }, drop: async () => {} };

  const serverUrl = postgresServerUrl();
  if (!serverUrl)
    throw new Error('Set TEST_DATABASE_URL or DATABASE_URL for the PostgreSQL tests.');

  const name = `wholesale_test_${randomBytes(6).toString('hex')}`;
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

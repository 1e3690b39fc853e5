import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';
import { openSchemaEngine } from './schema-engine.ts';

export const prismaDir = join(import.meta.dirname, '..', '..', '..', 'prisma');
export const schemaPath = join(prismaDir, 'schema.prisma');
export const migrationsDir = join(prismaDir, 'migrations');

const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Reads prisma/migrations the way the Prisma CLI does: one folder per migration, in order. */
export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const lockPath = join(dir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  folders.sort();

  const migrationDirectories = await Promise.all(
    folders.map(async (name) => {
      const content = await readFile(join(dir, name, 'migration.sql'), 'utf8').then(
        (sql) => ({ tag: 'ok' as const, value: sql }),
        (error: Error) => ({ tag: 'error' as const, value: error.message }),
      );

      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  );

  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

async function loadSchema() {
  return { path: 'schema.prisma', content: await readFile(schemaPath, 'utf8') };
}

/** Applies the migrations the database has not seen yet, recording them in _prisma_migrations. */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> {
  const engine = await openSchemaEngine(await loadSchema(), adapterFactory);
  try {
    const output = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: noFilter,
    });

    return output.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes a database from the state the migrations leave it in to the state
 * schema.prisma describes; empty when the two agree. Replays the migrations on the
 * adapter's shadow database.
 */
export async function diffMigrationsToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<{ changed: boolean; script: string }> {
  const schema = await loadSchema();
  const engine = await openSchemaEngine(schema, adapterFactory);
  try {
    const from: DiffTarget = { tag: 'migrations', ...(await readMigrations()) };
    const to: DiffTarget = { tag: 'schemaDatamodel', files: [schema] };
    const result = await engine.diff({ from, to, script: true, exitCode: true, filters: noFilter });

    return { changed: result.exitCode === 2, script: result.stdout ?? '' };
  } finally {
    engine.free();
  }
}

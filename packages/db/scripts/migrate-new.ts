// Writes the next migration: the SQL from the state prisma/migrations leaves a database in
// to the state prisma/schema.prisma describes. Usage: npm run migrate:new -- <name>
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { diffMigrationsToSchema, migrationsDir } from '../src/migrate.ts';

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_');
if (!name) {
  process.stderr.write('Usage: npm run migrate:new -w @wholesale/db -- <name>\n');
  process.exit(2);
}

const pglite = await PGlite.create('memory://');
const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
const { changed, script } = await diffMigrationsToSchema(factory);
await pglite.close();

if (!changed) {
  process.stdout.write('The migrations already match schema.prisma; nothing written.\n');
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = join(migrationsDir, `${stamp}_${name}`);
await mkdir(folder, { recursive: true });
await writeFile(join(folder, 'migration.sql'), script);
await writeFile(
  join(migrationsDir, 'migration_lock.toml'),
  '# Written by the migration scripts; keep it in version control.\nprovider = "postgresql"\n',
);
process.stdout.write(`Wrote ${folder}/migration.sql\n`);

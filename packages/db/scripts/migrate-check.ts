// Fails when prisma/schema.prisma has changes that no migration in prisma/migrations carries.
import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { diffMigrationsToSchema } from '../src/migrate.ts';

const pglite = await PGlite.create('memory://');
const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
const { changed, script } = await diffMigrationsToSchema(factory);
await pglite.close();

if (changed) {
  process.stderr.write(
    `schema.prisma has changes no migration carries; run npm run migrate:new -w @wholesale/db -- <name>\n\n${script}\n`,
  );
  process.exit(1);
}
process.stdout.write('Migrations match schema.prisma.\n');

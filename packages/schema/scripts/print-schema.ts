// Prints the schema to schema.graphql, the checked-in public contract. With --check it only
// compares, and fails when the file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../src/schema.ts';

const target = join(import.meta.dirname, '..', 'schema.graphql');
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== printed) {
    process.stderr.write(
      'packages/schema/schema.graphql is stale: run `npm run print -w @wholesale/schema`.\n',
    );
    process.exit(1);
  }
  process.stdout.write('schema.graphql is up to date.\n');
} else {
  await writeFile(target, printed);
  process.stdout.write(`Wrote ${target}\n`);
}

// Generates the Prisma client and the Pothos type map from prisma/schema.prisma.
// `prisma generate` insists on a schema engine binary being present although generating
// never runs it; the binary cannot be downloaded on offline machines, so any existing file
// stands in for it. Migrations do not use the CLI at all (see src/migrate.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);
const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');

const result = spawnSync(
  process.execPath,
  [prismaCli, 'generate', '--schema', join(root, 'prisma', 'schema.prisma')],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
);
process.exit(result.status ?? 1);

import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseBenchArgs, type ScenarioName, usage } from './args.ts';
import { type BenchDatabaseKind, chooseDatabases, openBenchDatabase } from './databases.ts';
import { benchPassword, buildDataset } from './dataset.ts';
import { startProduct } from './product.ts';
import { Results } from './results.ts';
import { checkout } from './scenarios/checkout.ts';
import type { ScenarioContext } from './scenarios/context.ts';
import { deepPages } from './scenarios/deep-pages.ts';
import { graphqlOverhead } from './scenarios/graphql-overhead.ts';
import { sqlPerRequest } from './scenarios/sql-per-request.ts';
import { buildStorefront, storefront } from './scenarios/storefront.ts';

// Checkout adds orders, so the read scenarios go first.
const scenarios: Record<ScenarioName, (context: ScenarioContext) => Promise<void>> = {
  sql: sqlPerRequest,
  overhead: graphqlOverhead,
  deep: deepPages,
  checkout,
  storefront,
};

/** Set by Ctrl-C, while the benchmark's database is dropped under the running statements. */
let aborting = false;

const labels: Record<BenchDatabaseKind, string> = { pglite: 'PGlite', postgresql: 'PostgreSQL' };

async function memberWithMostOrders(context: Pick<ScenarioContext, 'database'>) {
  const [row] = await context.database.prisma.$queryRawUnsafe<{ email: string }[]>(
    `SELECT u.email FROM "Order" o JOIN "Member" m ON m.id = o."memberId"
     JOIN "User" u ON u.id = m."userId" WHERE u.email LIKE '%@bench.example'
     GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 1`,
  );
  if (!row) throw new Error('The dataset has no orders.');

  return row.email;
}

async function runOn(kind: BenchDatabaseKind, options: ReturnType<typeof parseOptions>) {
  const label = labels[kind];
  console.log(`\n${label}: building the dataset …`);
  const database = await openBenchDatabase(kind);
  // Ctrl-C drops the benchmark's database too, rather than leaving it on the server.
  const interrupted = () => {
    aborting = true;
    console.log('\nInterrupted: dropping the benchmark database …');
    database.abort().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  const product = await startProduct(database);
  try {
    const dataset = await buildDataset(database.prisma, options);
    const rows = Object.entries(dataset.rows)
      .map(([table, count]) => `${count.toLocaleString('en')} ${table}`)
      .join(', ');
    console.log(`  ${rows} in ${dataset.seconds.toFixed(0)} s`);
    const version =
      await database.prisma.$queryRawUnsafe<{ version: string }[]>('SELECT version()');

    const context: ScenarioContext = {
      options,
      database,
      label,
      product,
      results,
      token: await product.readToken(),
      memberSession: '',
      notes: [
        `${label}: ${version[0]?.version.split(',')[0]}; dataset ${rows}, built in ` +
          `${dataset.seconds.toFixed(0)} s.`,
      ],
    };
    context.memberSession = await product.logIn(await memberWithMostOrders(context), benchPassword);

    for (const name of options.scenarios) {
      console.log(`${label}: ${name}`);
      await scenarios[name](context);
    }
    notes.push(...context.notes, '');
  } finally {
    process.off('SIGINT', interrupted);
    await product.stop();
    await database.close();
  }
}

function parseOptions() {
  try {
    const parsed = parseBenchArgs(process.argv.slice(2).filter((arg) => arg !== '--'));
    if (parsed === 'help') {
      console.log(usage);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

const options = parseOptions();
const results = new Results();
const notes: string[] = [];
const { kinds, note } = (() => {
  try {
    return chooseDatabases(options.db);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
})();
if (note) console.log(note);
const machine =
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
  `${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.versions.node}`;
// Other work on the machine slows every figure; the load says how much there was.
const load = () => `load average ${loadavg()[0]?.toFixed(1)}`;
console.log(
  `Machine: ${machine}, ${load()} at the start\nDataset: ${options.members} members, ${options.orders} orders, ` +
    `${options.products} products; scenarios: ${options.scenarios.join(', ')}`,
);

if (options.scenarios.includes('storefront')) {
  console.log('Building the storefront …');
  await buildStorefront();
}
try {
  for (const kind of kinds) await runOn(kind, options);
} catch (error) {
  // Dropping the database fails the statements still running; the interrupt handler exits.
  if (aborting) await new Promise(() => {});
  throw error;
}

const table = results.table();
console.log(`\n${table}\n\n${notes.join('\n')}`);
if (options.out) {
  await writeFile(
    options.out,
    `Machine: ${machine}; ${load()} at the end.\n\n${table}\n\n${notes.join('\n')}\n`,
  );
  console.log(`Written to ${options.out}.`);
}
process.exit(0);

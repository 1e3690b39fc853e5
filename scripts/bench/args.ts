import { parseArgs } from 'node:util';

export type DatabaseChoice = 'pglite' | 'postgres' | 'both';

export const scenarioNames = ['sql', 'overhead', 'deep', 'checkout', 'storefront'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export interface BenchOptions {
  /** null: PostgreSQL when a server is named by the environment, PGlite always. */
  db: DatabaseChoice | null;
  members: number;
  orders: number;
  products: number;
  scenarios: ScenarioName[];
  /** How long each checkout run lasts, in seconds. */
  checkoutSeconds: number;
  /** How deep the deep page is, in orders. */
  depth: number;
  /** A file to write the table and notes to, as Markdown. */
  out: string | null;
}

const usage = `npm run bench -- [options]

  --db pglite|postgres|both   where to run (default: both when DATABASE_URL or
                              TEST_DATABASE_URL names a PostgreSQL server, else pglite)
  --members N                 members in the dataset (default 5000)
  --orders N                  orders in the dataset (default 200000)
  --products N                products in the catalogue (default 1000)
  --depth N                   how many orders deep the deep page starts (default 150000,
                              at most orders - 100)
  --checkout-seconds N        how long each checkout run lasts (default 10)
  --scenarios a,b,…           any of ${scenarioNames.join(', ')} (default: all)
  --out FILE                  also write the table and notes there, as Markdown`;

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`--${name} wants a count.`);

  return parsed;
}

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      members: { type: 'string' },
      orders: { type: 'string' },
      products: { type: 'string' },
      depth: { type: 'string' },
      'checkout-seconds': { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';

  const db = values.db ?? null;
  if (db !== null && db !== 'pglite' && db !== 'postgres' && db !== 'both') {
    throw new Error('--db is pglite, postgres or both.');
  }
  const scenarios = (values.scenarios?.split(',') ?? [...scenarioNames]).map((name) => {
    const known = scenarioNames.find((candidate) => candidate === name.trim());
    if (!known) throw new Error(`Unknown scenario "${name}"; known: ${scenarioNames.join(', ')}.`);

    return known;
  });
  const orders = count(values.orders, 200_000, 'orders');

  return {
    db,
    members: count(values.members, 5_000, 'members'),
    orders,
    products: count(values.products, 1_000, 'products'),
    depth: Math.min(count(values.depth, 150_000, 'depth'), Math.max(orders - 100, 1)),
    checkoutSeconds: count(values['checkout-seconds'], 10, 'checkout-seconds'),
    scenarios,
    out: values.out ?? null,
  };
}

export { usage };

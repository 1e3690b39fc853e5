import type { BenchOptions } from '../args.ts';
import type { BenchDatabase } from '../databases.ts';
import type { Product } from '../product.ts';
import type { Results } from '../results.ts';

/** What every scenario is handed: the database, the running product and who may ask it. */
export interface ScenarioContext {
  options: BenchOptions;
  database: BenchDatabase;
  /** PGlite or PostgreSQL, as the table names it. */
  label: string;
  product: Product;
  results: Results;
  /** An API token reading orders and members, as a third party holds. */
  token: string;
  /** The session of the member with the most orders, as the storefront holds. */
  memberSession: string;
  /** Text for docs/benchmarks.md that a table cannot hold (query plans, time breakdowns). */
  notes: string[];
}

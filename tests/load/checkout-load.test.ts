import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresServerUrl } from '../../apps/api/tests/test-database.ts';
import { createFaultDatabase, type FaultDatabase } from '../faults/support/databases.ts';
import {
  type ApiProcess,
  apiSettings,
  type SandboxProcess,
  startApiProcess,
  startSandboxProcess,
} from '../faults/support/processes.ts';
import {
  approveAtPayPal,
  type Caller,
  completeReturnMutation,
  logIn,
  paypalTransactions,
  startCheckoutMutation,
} from '../faults/support/shop.ts';
import { Latencies } from './figures.ts';

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const buyerCount = Number(process.env.LOAD_BUYERS ?? 16);
/** Two products that sell out during the run, two that never do. */
const catalogue = [
  { sku: 'LOAD-SCARCE-1', stock: 15 },
  { sku: 'LOAD-SCARCE-2', stock: 25 },
  { sku: 'LOAD-PLENTY-1', stock: 1_000_000 },
  { sku: 'LOAD-PLENTY-2', stock: 1_000_000 },
];
const password = 'load-test-password';

interface Outcomes {
  /** Order numbers of every checkout the API started. */
  started: string[];
  /** …of those the buyer left at PayPal without paying. */
  abandoned: string[];
  /** …of those the API answered as paid. */
  paid: string[];
  soldOut: number;
  errors: string[];
}

const createProductMutation = `mutation ($input: ProductInput!) {
  createProduct(input: $input) { __typename ... on ProductPayload { product { id } } }
}`;

const importMembersMutation = `mutation ($csv: String!) {
  importMembersCsv(csv: $csv) { __typename ... on ImportMembersPayload { created } }
}`;

async function createCatalogue(admin: Caller): Promise<string[]> {
  const ids: string[] = [];
  for (const { sku, stock } of catalogue) {
    const answer = await admin(createProductMutation, {
      input: { sku, nameJa: sku, nameEn: sku, price: 1200, taxRate: 10, stock, active: true },
    });
    const id = answer.data?.createProduct.product?.id;
    if (!id) throw new Error(`product ${sku} not created: ${answer.text}`);
    ids.push(id);
  }

  return ids;
}

async function createBuyers(admin: Caller, apiUrl: string): Promise<Caller[]> {
  const emails = Array.from({ length: buyerCount }, (_, n) => `load-buyer-${n}@example.com`);
  const rows = emails.map((email, n) => `${email},負荷試験${n},担当${n},PAYPAL,${password}`);
  const csv = ['email,company_name,contact_name,payment_methods,password', ...rows].join('\n');
  const answer = await admin(importMembersMutation, { csv });
  if (answer.data?.importMembersCsv.created !== buyerCount) {
    throw new Error(`members not imported: ${answer.text}`);
  }

  return Promise.all(emails.map((email) => logIn(apiUrl, email, password)));
}

/**
 * One buyer, checking out again and again until the time is up: one unit of a product taken
 * in turn, paid at PayPal; every tenth checkout is left at PayPal unpaid, and every fifth
 * return is sent twice at once, as a reload would.
 */
async function shop(
  buyer: Caller,
  n: number,
  context: { productIds: string[]; paypalUrl: string; until: number },
  outcomes: Outcomes,
  latencies: Latencies,
) {
  for (let turn = n; performance.now() < context.until; turn += 1) {
    const productId = context.productIds[turn % context.productIds.length];
    const start = await buyer(startCheckoutMutation, {
      input: { lines: [{ productId, quantity: 1 }], paymentMethod: 'PAYPAL' },
    });
    latencies.add('startCheckout', start.ms);
    const started = start.data?.startCheckout;
    if (started?.__typename === 'InsufficientStockError') {
      outcomes.soldOut += 1;
      continue;
    }
    if (started?.__typename !== 'StartCheckoutPayload') {
      outcomes.errors.push(`startCheckout: ${start.text.slice(0, 300)}`);
      continue;
    }
    const number: string = started.order.number;
    outcomes.started.push(number);
    if (turn % 10 === 9) {
      outcomes.abandoned.push(number);
      continue;
    }

    const returned = await approveAtPayPal(context.paypalUrl, started.redirectUrl);
    const returns = await Promise.all(
      Array.from({ length: turn % 5 === 4 ? 2 : 1 }, () =>
        buyer(completeReturnMutation, { input: returned }),
      ),
    );
    for (const answer of returns) latencies.add('completePayPalReturn', answer.ms);
    const unpaid = returns.find(
      (answer) => answer.data?.completePayPalReturn.order?.paymentStatus !== 'PAID',
    );
    if (unpaid) outcomes.errors.push(`completePayPalReturn: ${unpaid.text.slice(0, 300)}`);
    else outcomes.paid.push(number);
  }
}

async function rows<T>(db: FaultDatabase, sql: string): Promise<T[]> {
  return db.query<T>(sql);
}

describe.skipIf(!postgresServerUrl())('many buyers checking out at once on PostgreSQL', () => {
  let db: FaultDatabase;
  let sandbox: SandboxProcess;
  let api: ApiProcess;
  let buyers: Caller[];
  let productIds: string[];

  beforeAll(async () => {
    db = await createFaultDatabase('postgresql');
    sandbox = await startSandboxProcess();
    api = await startApiProcess(await apiSettings(sandbox.url, db.env));
    const admin = await logIn(api.url, 'admin@example.com', 'admin-demo');
    productIds = await createCatalogue(admin);
    buyers = await createBuyers(admin, api.url);
  });

  afterAll(async () => {
    await api?.kill('SIGTERM');
    await sandbox?.kill('SIGTERM');
    await db?.drop();
  });

  it(`loses, doubles and oversells nothing in ${seconds} s of ${buyerCount} concurrent buyers`, async () => {
    const outcomes: Outcomes = { started: [], abandoned: [], paid: [], soldOut: 0, errors: [] };
    const latencies = new Latencies();
    const began = performance.now();
    const context = { productIds, paypalUrl: sandbox.url, until: began + seconds * 1000 };

    await Promise.all(buyers.map((buyer, n) => shop(buyer, n, context, outcomes, latencies)));
    const elapsed = (performance.now() - began) / 1000;

    console.log(
      [
        `load: ${buyerCount} buyers for ${elapsed.toFixed(1)} s on PostgreSQL`,
        `  checkouts started ${outcomes.started.length}, paid ${outcomes.paid.length} ` +
          `(${(outcomes.paid.length / elapsed).toFixed(1)} paid orders/s), ` +
          `left unpaid ${outcomes.abandoned.length}, refused as sold out ${outcomes.soldOut}`,
        `  errors ${outcomes.errors.length}`,
        ...outcomes.errors.slice(0, 5).map((error) => `    ${error}`),
      ].join('\n'),
    );
    console.table(latencies.table());

    expect(outcomes.errors).toEqual([]);
    expect(outcomes.soldOut).toBeGreaterThan(0);

    // Every started checkout is exactly one order, and no order exists that was not started.
    const orders = await rows<{ number: number; paymentStatus: string; status: string }>(
      db,
      `SELECT number, "paymentStatus", status FROM "Order"`,
    );
    expect(orders.map((order) => String(order.number)).sort()).toEqual(
      [...outcomes.started].sort(),
    );
    const byNumber = new Map(orders.map((order) => [String(order.number), order]));
    for (const number of outcomes.paid) {
      expect(byNumber.get(number)).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    }
    for (const number of outcomes.abandoned) {
      expect(byNumber.get(number)).toMatchObject({
        status: 'PAYMENT_INCOMPLETE',
        paymentStatus: 'UNPAID',
      });
    }

    // One settled payment, one PayPal transaction and one order email per paid order.
    const doubled = await rows<{ orderId: string }>(
      db,
      `SELECT "orderId" FROM "Payment" WHERE "paypalTransactionId" IS NOT NULL
       GROUP BY "orderId" HAVING count(*) > 1`,
    );
    expect(doubled).toEqual([]);
    const [counts] = await rows<{ settled: string; emails: string }>(
      db,
      `SELECT
         (SELECT count(*) FROM "Payment" WHERE "paypalTransactionId" IS NOT NULL) AS settled,
         (SELECT count(*) FROM "EmailMessage" WHERE "dedupeKey" LIKE 'order-received:%') AS emails`,
    );
    expect(Number(counts?.settled)).toBe(outcomes.paid.length);
    expect(Number(counts?.emails)).toBe(outcomes.paid.length);
    const transactions = await paypalTransactions(sandbox.url);
    expect(transactions).toHaveLength(outcomes.paid.length);
    expect(new Set(transactions.map((txn) => txn.invoiceId)).size).toBe(transactions.length);

    // No oversell: stock never below zero, and what left the shelf is what the orders hold.
    const products = await rows<{ sku: string; stock: number; ordered: string | null }>(
      db,
      `SELECT p.sku, p.stock, (SELECT sum(quantity) FROM "OrderLine" l WHERE l."productId" = p.id)
         AS ordered
       FROM "Product" p WHERE p.sku LIKE 'LOAD-%'`,
    );
    for (const { sku, stock } of catalogue) {
      const product = products.find((row) => row.sku === sku);
      expect(product?.stock).toBeGreaterThanOrEqual(0);
      expect(stock - Number(product?.stock)).toBe(Number(product?.ordered ?? 0));
    }
    expect(products.find((row) => row.sku === 'LOAD-SCARCE-1')?.stock).toBe(0);
  });
});

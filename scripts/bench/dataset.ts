import type { PrismaClient } from '@wholesale/db/prisma';
import { hashPassword } from '@wholesale/schema/auth/password';

export interface DatasetSize {
  members: number;
  orders: number;
  products: number;
}

/** The password of every generated member, for the checkout scenario's log-ins. */
export const benchPassword = 'bench-password';
export const benchMemberEmail = (k: number) => `member${k}@bench.example`;

const day = 86_400_000;

/**
 * Pure SQL functions of a row number, so each table is one INSERT … SELECT and a line's product,
 * price and quantity are the same wherever they are computed (the order's totals are the sum of
 * its lines without reading them back). They live in a schema dropped once the data is in.
 */
function functions(size: DatasetSize): string[] {
  const orderStep = Math.floor((730 * day) / size.orders);
  const memberStep = Math.floor((700 * day) / size.members);

  return [
    'CREATE SCHEMA bench',
    `CREATE FUNCTION bench.rnd(n bigint, salt bigint, m int) RETURNS int IMMUTABLE LANGUAGE sql
       AS $$ SELECT ((hashint8extended(n, salt) % m + m) % m)::int $$`,
    // UUIDv7's layout with the row's own time, so that ids sort like the rows' creation.
    `CREATE FUNCTION bench.hex_ms(t timestamp) RETURNS text IMMUTABLE LANGUAGE sql
       AS $$ SELECT lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') $$`,
    // UUIDv7's layout with the row's own time, so that ids sort like the rows' creation. One
    // expression without FROM, so PostgreSQL inlines it instead of calling it row by row.
    `CREATE FUNCTION bench.uuid7(t timestamp, seed text) RETURNS text IMMUTABLE LANGUAGE sql
       AS $$ SELECT substr(bench.hex_ms(t), 1, 8) || '-' || substr(bench.hex_ms(t), 9, 4)
                    || '-7' || substr(md5(seed), 1, 3) || '-8' || substr(md5(seed), 4, 3) || '-'
                    || substr(md5(seed), 7, 12) $$`,
    `CREATE FUNCTION bench.member_time(k bigint) RETURNS timestamp IMMUTABLE LANGUAGE sql
       AS $$ SELECT timestamp '2023-01-01' + (k * ${memberStep}) * interval '1 millisecond' $$`,
    `CREATE FUNCTION bench.member_id(k bigint) RETURNS text IMMUTABLE LANGUAGE sql
       AS $$ SELECT bench.uuid7(bench.member_time(k), 'member' || k) $$`,
    `CREATE FUNCTION bench.product_id(j bigint) RETURNS text IMMUTABLE LANGUAGE sql
       AS $$ SELECT bench.uuid7(timestamp '2022-06-01' + j * interval '1 second', 'product' || j) $$`,
    `CREATE FUNCTION bench.product_price(j bigint) RETURNS int IMMUTABLE LANGUAGE sql
       AS $$ SELECT 100 + bench.rnd(j, 1, 60) * 50 $$`,
    `CREATE FUNCTION bench.product_rate(j bigint) RETURNS int IMMUTABLE LANGUAGE sql
       AS $$ SELECT CASE WHEN j % 3 = 0 THEN 8 ELSE 10 END $$`,
    `CREATE FUNCTION bench.order_time(n bigint) RETURNS timestamp IMMUTABLE LANGUAGE sql
       AS $$ SELECT timestamp '2024-12-01' + (n * ${orderStep}) * interval '1 millisecond' $$`,
    `CREATE FUNCTION bench.line_count(n bigint) RETURNS int IMMUTABLE LANGUAGE sql
       AS $$ SELECT 1 + bench.rnd(n, 2, 20) $$`,
    `CREATE FUNCTION bench.line_product(n bigint, p int) RETURNS bigint IMMUTABLE LANGUAGE sql
       AS $$ SELECT 1 + bench.rnd(n * 32 + p, 3, ${size.products}) $$`,
    `CREATE FUNCTION bench.line_quantity(n bigint, p int) RETURNS int IMMUTABLE LANGUAGE sql
       AS $$ SELECT 1 + bench.rnd(n * 32 + p, 4, 12) $$`,
  ];
}

function members(size: DatasetSize): string {
  return `
    WITH rows AS (SELECT k, bench.member_time(k) AS t FROM generate_series(1, ${size.members}) k),
    users AS (
      INSERT INTO "User" (id, email, "passwordHash", role, name, "createdAt", "updatedAt")
      SELECT 'bench-user-' || k, 'member' || k || '@bench.example', $1, 'MEMBER',
             '担当者 ' || k, t, t
      FROM rows
    )
    INSERT INTO "Member" (id, "userId", "companyName", "contactName", "allowedPaymentMethods",
                          "createdAt", "updatedAt")
    SELECT bench.member_id(k), 'bench-user-' || k, '株式会社ベンチ商店 ' || k, '担当者 ' || k,
           '{PAYPAL,BANK_TRANSFER}', t, t + (bench.rnd(k, 5, 1000) * interval '1 hour')
    FROM rows`;
}

function products(size: DatasetSize): string {
  return `
    INSERT INTO "Product" (id, sku, "nameJa", "nameEn", price, "taxRate", stock,
                           "allowedPaymentMethods", active, position, "createdAt", "updatedAt")
    SELECT bench.product_id(j), 'BN-' || lpad(j::text, 5, '0'), 'ベンチ商品 ' || j,
           'Bench product ' || j, bench.product_price(j), bench.product_rate(j), 1000000000,
           '{}', true, 100 + j, timestamp '2022-06-01', timestamp '2022-06-01'
    FROM generate_series(1, ${size.products}) j`;
}

/**
 * Old orders are mostly completed; the newest hundredth is still being worked on. Totals follow
 * the demo shop's rules: ¥800 shipping under ¥10,000, tax floored once per rate.
 */
function orders(size: DatasetSize, numberOffset: number): string {
  const recent = size.orders - Math.ceil(size.orders / 100);

  return `
    INSERT INTO "Order" (id, number, "memberId", status, "paymentStatus", "paymentMethod",
                         currency, subtotal, "taxBreakdown", tax, shipping, "paymentFee", total,
                         "placedAt", "paidAt", "cancelledAt", "createdAt", "updatedAt")
    SELECT bench.uuid7(t, 'order' || n), ${numberOffset} + n,
           bench.member_id(1 + bench.rnd(n, 6, ${size.members})),
           status::"OrderStatus", pay::"PaymentStatus", method::"PaymentMethod", 'JPY',
           s10 + s8,
           (CASE WHEN s10 + ship > 0 THEN jsonb_build_array(jsonb_build_object(
              'rate', 10, 'taxableAmount', s10 + ship, 'tax', (s10 + ship) / 10))
            ELSE '[]'::jsonb END)
           || (CASE WHEN s8 > 0 THEN jsonb_build_array(jsonb_build_object(
              'rate', 8, 'taxableAmount', s8, 'tax', s8 * 8 / 100)) ELSE '[]'::jsonb END),
           (s10 + ship) / 10 + s8 * 8 / 100, ship, 0,
           s10 + s8 + ship + (s10 + ship) / 10 + s8 * 8 / 100,
           t, CASE WHEN pay <> 'UNPAID' THEN t + interval '5 minutes' END,
           CASE WHEN status = 'CANCELLED' THEN t + interval '1 day' END,
           t, least(t + (1 + bench.rnd(n, 7, 240)) * interval '1 hour', timestamp '2026-12-01')
    FROM generate_series(1, ${size.orders}) n
    CROSS JOIN LATERAL (SELECT bench.order_time(n) AS t,
                               CASE WHEN bench.rnd(n, 8, 10) < 7 THEN 'PAYPAL'
                                    ELSE 'BANK_TRANSFER' END AS method,
                               bench.rnd(n, 9, 100) AS roll) AS o
    CROSS JOIN LATERAL (SELECT CASE
        WHEN n > ${recent} THEN (ARRAY['NEW', 'NEW', 'NEW', 'NEW', 'PROCESSING', 'PROCESSING',
          'PROCESSING', 'PAYMENT_INCOMPLETE', 'PAYMENT_INCOMPLETE', 'ON_HOLD'])[1 + roll % 10]
        WHEN roll < 85 THEN 'COMPLETED' WHEN roll < 90 THEN 'SHIPPED' ELSE 'CANCELLED'
      END AS status) AS st
    CROSS JOIN LATERAL (SELECT CASE
        WHEN status = 'PAYMENT_INCOMPLETE' THEN 'UNPAID'
        WHEN status = 'CANCELLED' AND method = 'PAYPAL' THEN 'REFUNDED'
        WHEN status IN ('CANCELLED', 'NEW') AND method = 'BANK_TRANSFER' THEN 'UNPAID'
        ELSE 'PAID' END AS pay) AS ps
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(amount) FILTER (WHERE rate = 10), 0)::int AS s10,
             coalesce(sum(amount) FILTER (WHERE rate = 8), 0)::int AS s8
      FROM generate_series(0, bench.line_count(n) - 1) p
      CROSS JOIN LATERAL (SELECT bench.line_product(n, p) AS j) AS lp
      CROSS JOIN LATERAL (SELECT bench.product_price(j) * bench.line_quantity(n, p) AS amount,
                                 bench.product_rate(j) AS rate) AS la) AS sums
    CROSS JOIN LATERAL (SELECT CASE WHEN s10 + s8 >= 10000 THEN 0 ELSE 800 END AS ship) AS sh`;
}

function orderLines(numberOffset: number): string {
  return `
    INSERT INTO "OrderLine" (id, "orderId", "productId", position, "productName", "productNameEn",
                             sku, "unitPrice", quantity, "taxRate", amount)
    SELECT o.id || '-' || lpad(p::text, 2, '0'), o.id, pr.id, p, pr."nameJa", pr."nameEn",
           pr.sku, pr.price, q, pr."taxRate", pr.price * q
    FROM "Order" o
    CROSS JOIN LATERAL (SELECT o.number - ${numberOffset} AS n) AS num
    CROSS JOIN LATERAL generate_series(0, bench.line_count(n) - 1) p
    CROSS JOIN LATERAL (SELECT bench.line_product(n, p) AS j,
                               bench.line_quantity(n, p) AS q) AS line
    JOIN "Product" pr ON pr.position = 100 + line.j AND pr.sku LIKE 'BN-%'
    WHERE o.number > ${numberOffset}`;
}

function payments(numberOffset: number): string {
  return `
    INSERT INTO "Payment" (id, "orderId", method, status, amount, currency, "paypalToken",
                           "paypalPayerId", "paypalPayerEmail", "paypalTransactionId",
                           "paypalPaymentStatus", "createdAt", "updatedAt", "completedAt")
    SELECT id || '-p', id, 'PAYPAL',
           (CASE WHEN paid THEN 'COMPLETED' ELSE 'CREATED' END)::"PaymentAttemptStatus",
           total, 'JPY', 'EC-BENCH' || number,
           CASE WHEN paid THEN 'PAYER' || number % 997 END,
           CASE WHEN paid THEN 'payer' || number % 997 || '@paypal.example' END,
           CASE WHEN paid THEN 'TXBENCH' || number END,
           CASE WHEN paid THEN 'Completed' END,
           "createdAt", "updatedAt", "paidAt"
    FROM (SELECT *, "paymentStatus" <> 'UNPAID' AS paid FROM "Order"
          WHERE number > ${numberOffset} AND "paymentMethod" = 'PAYPAL') AS o`;
}

/** The timeline: placed, paid, shipped, completed or cancelled, as far as each order got. */
function orderEvents(numberOffset: number): string {
  return `
    INSERT INTO "OrderEvent" (id, "orderId", at, "actorType", "actorId", kind, "fromValue",
                              "toValue", note)
    SELECT o.id || '-e' || e.step, o.id, o."createdAt" + e.after,
           e.actor::"ActorType", NULL, e.kind, e."from",
           CASE WHEN e.step = 1 AND o."paymentMethod" <> 'PAYPAL' THEN 'NEW' ELSE e."to" END, NULL
    FROM "Order" o
    JOIN (VALUES
      (1, interval '0', 'BUYER', 'PLACED', NULL, 'PAYMENT_INCOMPLETE'),
      (2, interval '5 minutes', 'PAYPAL', 'PAYMENT_STATUS', 'UNPAID', 'PAID'),
      (3, interval '2 days', 'STAFF', 'ORDER_STATUS', 'NEW', 'SHIPPED'),
      (4, interval '4 days', 'STAFF', 'ORDER_STATUS', 'SHIPPED', 'COMPLETED'),
      (5, interval '1 day', 'STAFF', 'ORDER_STATUS', 'NEW', 'CANCELLED')
    ) AS e (step, after, actor, kind, "from", "to")
      ON e.step = 1
      OR (e.step = 2 AND o."paidAt" IS NOT NULL)
      OR (e.step = 3 AND o.status IN ('SHIPPED', 'COMPLETED'))
      OR (e.step = 4 AND o.status = 'COMPLETED')
      OR (e.step = 5 AND o.status = 'CANCELLED')
    WHERE o.number > ${numberOffset}`;
}

export interface DatasetReport {
  seconds: number;
  rows: Record<string, number>;
}

/**
 * Fills a migrated database, with the demo shop's settings already in it, with the benchmark's
 * members, catalogue and order history. The same size gives the same rows on every run.
 */
export async function buildDataset(db: PrismaClient, size: DatasetSize): Promise<DatasetReport> {
  const started = performance.now();
  const passwordHash = await hashPassword(benchPassword);
  const numberOffset = (await db.order.aggregate({ _max: { number: true } }))._max.number ?? 0;

  await db.$transaction(
    async (tx) => {
      // The rows are consistent by construction, so the foreign keys' row-by-row triggers are
      // skipped for this load (a superuser's privilege; without it they simply run).
      const [role] = await tx.$queryRawUnsafe<{ superuser: boolean }[]>(
        `SELECT current_setting('is_superuser') = 'on' AS superuser`,
      );
      if (role?.superuser)
        await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
      for (const statement of functions(size)) await tx.$executeRawUnsafe(statement);
      const steps: [string, string, ...unknown[]][] = [
        ['members', members(size), passwordHash],
        ['products', products(size)],
        ['orders', orders(size, numberOffset)],
        ['order lines', orderLines(numberOffset)],
        ['payments', payments(numberOffset)],
        ['timelines', orderEvents(numberOffset)],
      ];
      for (const [name, sql, ...args] of steps) {
        const began = performance.now();
        await tx.$executeRawUnsafe(sql, ...args);
        console.log(`  ${name}: ${((performance.now() - began) / 1000).toFixed(1)} s`);
      }
      await tx.$executeRawUnsafe('DROP SCHEMA bench CASCADE');
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await db.$queryRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"Order"', 'number'), (SELECT max(number) FROM "Order"))`,
  );
  await db.$executeRawUnsafe('ANALYZE');

  const rows: Record<string, number> = {};
  for (const table of ['Member', 'Product', 'Order', 'OrderLine', 'Payment', 'OrderEvent']) {
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) AS count FROM "${table}"`,
    );
    rows[table] = Number(row?.count ?? 0);
  }

  return { seconds: (performance.now() - started) / 1000, rows };
}

import type { PrismaClient } from '@wholesale/db/client';
import type { Product } from '@wholesale/db/prisma';
import { ValidationError } from '../errors.ts';
import type { PricingRules, Totals } from '../money/totals.ts';
import { computeTotals } from '../money/totals.ts';

export interface CartLine {
  productId: string;
  quantity: number;
}

export const maxLinesPerOrder = 100;
export const maxQuantityPerLine = 9999;

/** Checks a cart's lines and merges repeated products into one line each. */
export function normalizeLines(lines: readonly CartLine[]): CartLine[] {
  if (lines.length === 0) throw new ValidationError('The cart is empty.', 'lines');

  const merged = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new ValidationError('Each quantity must be a whole number of at least 1.', 'lines');
    }
    merged.set(line.productId, (merged.get(line.productId) ?? 0) + line.quantity);
  }
  if (merged.size > maxLinesPerOrder) {
    throw new ValidationError(`An order holds at most ${maxLinesPerOrder} products.`, 'lines');
  }

  return [...merged].map(([productId, quantity]) => {
    if (quantity > maxQuantityPerLine) {
      throw new ValidationError(`At most ${maxQuantityPerLine} of one product per order.`, 'lines');
    }

    return { productId, quantity };
  });
}

export interface Quote extends Totals {
  lines: { product: Product; quantity: number; amount: number }[];
}

/** The largest total one order may have. */
export const maxOrderTotal = 2_147_483_647;

/** Prices the lines exactly as an order of them would be priced. */
export async function quoteLines(
  db: Pick<PrismaClient, 'product'>,
  cart: readonly CartLine[],
  rules: PricingRules,
  paymentFee = 0,
): Promise<Quote> {
  const lines = normalizeLines(cart);
  const products = await db.product.findMany({
    where: { id: { in: lines.map((line) => line.productId) }, active: true },
  });

  const priced = lines.map((line) => {
    const product = products.find((candidate) => candidate.id === line.productId);
    if (!product) throw new ValidationError('A product in the cart is no longer sold.', 'lines');

    return { product, quantity: line.quantity, amount: product.price * line.quantity };
  });
  const totals = computeTotals(
    priced.map(({ product, quantity }) => ({
      unitPrice: product.price,
      quantity,
      taxRate: product.taxRate,
    })),
    rules,
    paymentFee,
  );

  // Amounts are stored as 32-bit integers (and no one orders over ¥2.1 billion at once here).
  if (totals.total > maxOrderTotal) {
    throw new ValidationError(
      `An order's total can be at most ¥${maxOrderTotal.toLocaleString('en')}; split the order.`,
      'lines',
    );
  }

  return { ...totals, lines: priced };
}

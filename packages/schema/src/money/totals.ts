/** Consumption tax rates in percent: standard and reduced (food and drink, newspapers). */
export const taxRates = [10, 8] as const;
export type TaxRate = (typeof taxRates)[number];

export interface PricedLine {
  /** Tax-exclusive unit price in minor units. */
  unitPrice: number;
  quantity: number;
  taxRate: number;
}

export interface TaxBreakdownEntry {
  rate: number;
  taxableAmount: number;
  tax: number;
}

export interface Totals {
  subtotal: number;
  taxBreakdown: TaxBreakdownEntry[];
  tax: number;
  shipping: number;
  total: number;
}

export function isTaxRate(rate: number): rate is TaxRate {
  return (taxRates as readonly number[]).includes(rate);
}

export function lineAmount(line: PricedLine): number {
  return line.unitPrice * line.quantity;
}

/**
 * The totals of an order. Following the qualified invoice rules, tax is computed once per
 * rate on the sum of that rate's lines and rounded down, never per line, so the amount
 * charged, stored and shown are the same integer.
 */
export function computeTotals(lines: readonly PricedLine[], shipping = 0): Totals {
  const taxable = new Map<number, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
      throw new RangeError(`Unit price must be a non-negative integer, got ${line.unitPrice}`);
    }
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new RangeError(`Quantity must be a positive integer, got ${line.quantity}`);
    }
    if (!isTaxRate(line.taxRate)) throw new RangeError(`Unknown tax rate ${line.taxRate}`);

    taxable.set(line.taxRate, (taxable.get(line.taxRate) ?? 0) + lineAmount(line));
  }

  const taxBreakdown = taxRates
    .filter((rate) => taxable.has(rate))
    .map((rate) => {
      const taxableAmount = taxable.get(rate) ?? 0;

      return { rate, taxableAmount, tax: Math.floor((taxableAmount * rate) / 100) };
    });
  const subtotal = taxBreakdown.reduce((sum, entry) => sum + entry.taxableAmount, 0);
  const tax = taxBreakdown.reduce((sum, entry) => sum + entry.tax, 0);

  return { subtotal, taxBreakdown, tax, shipping, total: subtotal + tax + shipping };
}

/** A unit price with its own tax, for display next to a product only. */
export function priceWithTax(unitPrice: number, taxRate: number): number {
  return unitPrice + Math.floor((unitPrice * taxRate) / 100);
}

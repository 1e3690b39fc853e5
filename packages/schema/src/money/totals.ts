/** Consumption tax rates in percent: standard and reduced (food and drink, newspapers). */
export const taxRates = [10, 8] as const;
export type TaxRate = (typeof taxRates)[number];

/** The standard rate, which also applies to shipping. */
export const standardTaxRate: TaxRate = 10;

export type TaxRounding = 'FLOOR' | 'ROUND' | 'CEIL';

export interface PricedLine {
  /** Tax-exclusive unit price in minor units. */
  unitPrice: number;
  quantity: number;
  taxRate: number;
}

/** The merchant's rules for an order's totals. */
export interface PricingRules {
  /** How the tax of each rate is rounded to a whole yen. Floor unless the merchant says so. */
  taxRounding: TaxRounding;
  /** Tax-exclusive shipping fee per order. */
  shippingFee: number;
  /** Orders whose subtotal reaches this ship free; null when shipping is never free. */
  freeShippingFrom: number | null;
}

export const defaultPricingRules: PricingRules = {
  taxRounding: 'FLOOR',
  shippingFee: 0,
  freeShippingFrom: null,
};

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
  /** The payment method's fee (cash on delivery, say), tax-exclusive. */
  paymentFee: number;
  total: number;
}

export function isTaxRate(rate: number): rate is TaxRate {
  return (taxRates as readonly number[]).includes(rate);
}

export function lineAmount(line: PricedLine): number {
  return line.unitPrice * line.quantity;
}

/** amount × rate / 100 rounded to an integer, in integer arithmetic so no float error creeps in. */
export function taxOn(amount: number, rate: number, rounding: TaxRounding): number {
  const hundredths = amount * rate;
  if (rounding === 'CEIL') return Math.ceil(hundredths / 100);
  if (rounding === 'ROUND') return Math.floor((hundredths + 50) / 100);

  return Math.floor(hundredths / 100);
}

function checkLine(line: PricedLine) {
  if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
    throw new RangeError(`Unit price must be a non-negative integer, got ${line.unitPrice}`);
  }
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new RangeError(`Quantity must be a positive integer, got ${line.quantity}`);
  }
  if (!isTaxRate(line.taxRate)) throw new RangeError(`Unknown tax rate ${line.taxRate}`);
}

export function shippingFor(subtotal: number, rules: PricingRules): number {
  if (rules.freeShippingFrom !== null && subtotal >= rules.freeShippingFrom) return 0;

  return rules.shippingFee;
}

/**
 * The totals of an order. Following the qualified invoice rules, tax is computed once per
 * rate on the sum of that rate's lines (shipping and a payment fee counting at the standard
 * rate), never per line, so the amount charged, stored and shown are the same integer:
 * total = subtotal + shipping + payment fee + Σ tax.
 */
export function computeTotals(
  lines: readonly PricedLine[],
  rules: PricingRules = defaultPricingRules,
  paymentFee = 0,
): Totals {
  const taxable = new Map<number, number>();
  let subtotal = 0;
  for (const line of lines) {
    checkLine(line);
    subtotal += lineAmount(line);
    taxable.set(line.taxRate, (taxable.get(line.taxRate) ?? 0) + lineAmount(line));
  }
  const shipping = shippingFor(subtotal, rules);
  // Shipping and a payment fee are services, taxed at the standard rate.
  const services = shipping + paymentFee;
  if (services > 0) taxable.set(standardTaxRate, (taxable.get(standardTaxRate) ?? 0) + services);

  const taxBreakdown = taxRates
    .filter((rate) => taxable.has(rate))
    .map((rate) => {
      const taxableAmount = taxable.get(rate) ?? 0;

      return { rate, taxableAmount, tax: taxOn(taxableAmount, rate, rules.taxRounding) };
    });
  const tax = taxBreakdown.reduce((sum, entry) => sum + entry.tax, 0);

  return {
    subtotal,
    taxBreakdown,
    tax,
    shipping,
    paymentFee,
    total: subtotal + shipping + paymentFee + tax,
  };
}

/** A unit price with its own tax, for display next to a product only. */
export function priceWithTax(unitPrice: number, taxRate: number): number {
  return unitPrice + Math.floor((unitPrice * taxRate) / 100);
}

import { describe, expect, it } from 'vitest';
import { computeTotals, priceWithTax } from './totals.ts';

describe('computeTotals', () => {
  it('rounds tax once per rate on the sum of the lines, not per line', () => {
    // Per line, 3 × floor(99 × 0.08) would be 21; on the sum it is floor(297 × 0.08) = 23.
    const totals = computeTotals([
      { unitPrice: 99, quantity: 1, taxRate: 8 },
      { unitPrice: 99, quantity: 1, taxRate: 8 },
      { unitPrice: 99, quantity: 1, taxRate: 8 },
    ]);

    expect(totals.taxBreakdown).toEqual([{ rate: 8, taxableAmount: 297, tax: 23 }]);
    expect(totals.total).toBe(320);
  });

  it('keeps the standard and reduced rates apart and adds shipping to the total', () => {
    const totals = computeTotals(
      [
        { unitPrice: 1980, quantity: 3, taxRate: 10 },
        { unitPrice: 455, quantity: 7, taxRate: 8 },
      ],
      800,
    );

    expect(totals).toEqual({
      subtotal: 5940 + 3185,
      taxBreakdown: [
        { rate: 10, taxableAmount: 5940, tax: 594 },
        { rate: 8, taxableAmount: 3185, tax: 254 },
      ],
      tax: 848,
      shipping: 800,
      total: 5940 + 3185 + 848 + 800,
    });
  });

  it('refuses fractional prices, zero quantities and unknown rates', () => {
    expect(() => computeTotals([{ unitPrice: 10.5, quantity: 1, taxRate: 10 }])).toThrow(
      RangeError,
    );
    expect(() => computeTotals([{ unitPrice: 10, quantity: 0, taxRate: 10 }])).toThrow(RangeError);
    expect(() => computeTotals([{ unitPrice: 10, quantity: 1, taxRate: 5 }])).toThrow(RangeError);
  });
});

describe('priceWithTax', () => {
  it('adds the rounded-down tax of one unit', () => {
    expect(priceWithTax(1980, 10)).toBe(2178);
    expect(priceWithTax(455, 8)).toBe(491);
  });
});

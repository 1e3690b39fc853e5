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

  it('keeps the rates apart and taxes shipping at the standard rate', () => {
    const totals = computeTotals(
      [
        { unitPrice: 1980, quantity: 3, taxRate: 10 },
        { unitPrice: 455, quantity: 7, taxRate: 8 },
      ],
      { taxRounding: 'FLOOR', shippingFee: 800, freeShippingFrom: 20000 },
    );

    expect(totals).toEqual({
      subtotal: 5940 + 3185,
      taxBreakdown: [
        { rate: 10, taxableAmount: 5940 + 800, tax: 674 },
        { rate: 8, taxableAmount: 3185, tax: 254 },
      ],
      tax: 928,
      shipping: 800,
      paymentFee: 0,
      total: 5940 + 3185 + 800 + 928,
    });
  });

  it('ships free from the threshold on, and shipping alone is taxed at the standard rate', () => {
    const rules = { taxRounding: 'FLOOR', shippingFee: 800, freeShippingFrom: 3000 } as const;

    expect(computeTotals([{ unitPrice: 1500, quantity: 2, taxRate: 8 }], rules)).toMatchObject({
      shipping: 0,
      taxBreakdown: [{ rate: 8, taxableAmount: 3000, tax: 240 }],
      total: 3240,
    });
    expect(computeTotals([{ unitPrice: 2999, quantity: 1, taxRate: 8 }], rules)).toMatchObject({
      shipping: 800,
      taxBreakdown: [
        { rate: 10, taxableAmount: 800, tax: 80 },
        { rate: 8, taxableAmount: 2999, tax: 239 },
      ],
      total: 2999 + 800 + 80 + 239,
    });
  });

  it('rounds each rate’s tax down, half up or up as the merchant chooses', () => {
    // 8% of 2,375 is 190.0; of 2,381 is 190.48; of 2,382 is 190.56.
    const lines = (price: number) => [{ unitPrice: price, quantity: 1, taxRate: 8 }];
    const tax = (price: number, taxRounding: 'FLOOR' | 'ROUND' | 'CEIL') =>
      computeTotals(lines(price), { taxRounding, shippingFee: 0, freeShippingFrom: null }).tax;

    expect([tax(2375, 'FLOOR'), tax(2375, 'ROUND'), tax(2375, 'CEIL')]).toEqual([190, 190, 190]);
    expect([tax(2381, 'FLOOR'), tax(2381, 'ROUND'), tax(2381, 'CEIL')]).toEqual([190, 190, 191]);
    expect([tax(2382, 'FLOOR'), tax(2382, 'ROUND'), tax(2382, 'CEIL')]).toEqual([190, 191, 191]);
    // Exactly half a yen rounds up: 10% of 1,005 is 100.5.
    expect(
      computeTotals([{ unitPrice: 1005, quantity: 1, taxRate: 10 }], {
        taxRounding: 'ROUND',
        shippingFee: 0,
        freeShippingFrom: null,
      }).tax,
    ).toBe(101);
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

describe('a payment fee', () => {
  it('is added to the total and taxed at the standard rate with shipping', () => {
    const totals = computeTotals(
      [{ unitPrice: 1000, quantity: 1, taxRate: 8 }],
      { taxRounding: 'FLOOR', shippingFee: 800, freeShippingFrom: null },
      330,
    );

    expect(totals).toEqual({
      subtotal: 1000,
      taxBreakdown: [
        { rate: 10, taxableAmount: 1130, tax: 113 },
        { rate: 8, taxableAmount: 1000, tax: 80 },
      ],
      tax: 193,
      shipping: 800,
      paymentFee: 330,
      total: 1000 + 800 + 330 + 193,
    });
  });
});

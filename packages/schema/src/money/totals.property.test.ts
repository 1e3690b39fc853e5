import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricedLine, PricingRules, TaxRounding } from './totals.ts';
import { computeTotals, standardTaxRate, taxRates } from './totals.ts';

const line = fc.record({
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
  quantity: fc.integer({ min: 1, max: 1_000 }),
  taxRate: fc.constantFrom(...taxRates),
});
const lines = fc.array(line, { maxLength: 30 });
const rules: fc.Arbitrary<PricingRules> = fc.record({
  taxRounding: fc.constantFrom<TaxRounding>('FLOOR', 'ROUND', 'CEIL'),
  shippingFee: fc.integer({ min: 0, max: 100_000 }),
  freeShippingFrom: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
});
const fee = fc.integer({ min: 0, max: 100_000 });

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('order totals for any lines, rates, rounding, shipping and fee', () => {
  it('add up: subtotal + shipping + fee + tax is the total, and the tax is the sum per rate', () => {
    fc.assert(
      fc.property(lines, rules, fee, (given, rule, paymentFee) => {
        const totals = computeTotals(given, rule, paymentFee);

        expect(totals.subtotal).toBe(sum(given.map((l) => l.unitPrice * l.quantity)));
        expect(totals.total).toBe(totals.subtotal + totals.shipping + paymentFee + totals.tax);
        expect(totals.tax).toBe(sum(totals.taxBreakdown.map((entry) => entry.tax)));
        expect(sum(totals.taxBreakdown.map((entry) => entry.taxableAmount))).toBe(
          totals.subtotal + totals.shipping + paymentFee,
        );
        for (const value of [totals.subtotal, totals.tax, totals.shipping, totals.total]) {
          expect(Number.isSafeInteger(value)).toBe(true);
        }
      }),
    );
  });

  it('tax each rate once on its own sum, rounded as the merchant chose', () => {
    fc.assert(
      fc.property(lines, rules, fee, (given, rule, paymentFee) => {
        const totals = computeTotals(given, rule, paymentFee);

        expect(totals.taxBreakdown.map((entry) => entry.rate)).toEqual(
          taxRates.filter((rate) => totals.taxBreakdown.some((entry) => entry.rate === rate)),
        );
        for (const { rate, taxableAmount, tax } of totals.taxBreakdown) {
          const ofRate = sum(
            given.filter((l) => l.taxRate === rate).map((l) => l.unitPrice * l.quantity),
          );
          const services = rate === standardTaxRate ? totals.shipping + paymentFee : 0;
          expect(taxableAmount).toBe(ofRate + services);
          // Compared in hundredths of a yen, so no float rounding takes part.
          const exact = taxableAmount * rate;
          if (rule.taxRounding === 'FLOOR')
            expect(tax * 100 <= exact && exact < tax * 100 + 100).toBe(true);
          if (rule.taxRounding === 'CEIL')
            expect(tax * 100 - 100 < exact && exact <= tax * 100).toBe(true);
          if (rule.taxRounding === 'ROUND') expect(Math.abs(tax * 100 - exact) <= 50).toBe(true);
        }
      }),
    );
  });

  it('do not change when lines are reordered or one line is split in two', () => {
    const reordered = lines
      .filter((given) => given.length > 0)
      .chain((given) =>
        fc.tuple(
          fc.constant(given),
          fc.shuffledSubarray(given, { minLength: given.length }),
          fc.nat({ max: given.length - 1 }),
        ),
      );

    fc.assert(
      fc.property(reordered, rules, ([given, shuffled, index], rule) => {
        const target = given[index] as PricedLine;
        const split = [
          ...given.slice(0, index),
          { ...target, quantity: 1 },
          ...(target.quantity > 1 ? [{ ...target, quantity: target.quantity - 1 }] : []),
          ...given.slice(index + 1),
        ];

        expect(computeTotals(shuffled, rule)).toEqual(computeTotals(given, rule));
        expect(computeTotals(split, rule)).toEqual(computeTotals(given, rule));
      }),
    );
  });

  it('ship free exactly from the threshold on', () => {
    fc.assert(
      fc.property(lines, rules, (given, rule) => {
        const totals = computeTotals(given, rule);
        const free = rule.freeShippingFrom !== null && totals.subtotal >= rule.freeShippingFrom;

        expect(totals.shipping).toBe(free ? 0 : rule.shippingFee);
      }),
    );
  });

  it('refuse a price or quantity that is not a whole number, and an unknown rate', () => {
    fc.assert(
      fc.property(
        line,
        fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }),
        fc.integer({ min: -100, max: 100 }).filter((rate) => rate !== 10 && rate !== 8),
        (valid, fraction, rate) => {
          expect(() => computeTotals([{ ...valid, unitPrice: fraction }])).toThrow(RangeError);
          expect(() => computeTotals([{ ...valid, quantity: fraction }])).toThrow(RangeError);
          expect(() => computeTotals([{ ...valid, taxRate: rate }])).toThrow(RangeError);
        },
      ),
    );
  });
});

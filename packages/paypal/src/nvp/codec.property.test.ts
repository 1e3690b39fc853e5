import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNvp, encodeNvp, formatAmount, parseAmount } from './codec.ts';

/** Any well-formed Unicode, leaning on what form encoding treats specially. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('&', '=', '%', '+', ' ', '\n', '\r', '#', '?', '😀', '𠮷', '円', '%2'),
  }),
);
const fields = fc.dictionary(text, text, { maxKeys: 12 });

describe('the NVP codec, for any keys and values', () => {
  it('reads back exactly what it wrote, in the same order', () => {
    fc.assert(
      fc.property(fields, (given) => {
        const decoded = decodeNvp(encodeNvp(given));

        expect(Object.entries(decoded)).toEqual(Object.entries(given));
      }),
    );
  });

  it('writes one plain-ASCII pair per field with one = in it, so no field is split', () => {
    fc.assert(
      fc.property(fields, (given) => {
        const encoded = encodeNvp(given);
        const pairs = encoded === '' ? [] : encoded.split('&');

        expect(encoded).toMatch(/^[\x21-\x7e]*$/);
        expect(pairs).toHaveLength(Object.keys(given).length);
        for (const pair of pairs) expect(pair.split('=')).toHaveLength(2);
      }),
    );
  });

  it('keeps a key named like an object property as an ordinary field', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const decoded = decodeNvp(`${key}=x&ACK=Success`);

      expect(Object.entries(decoded)).toEqual([
        [key, 'x'],
        ['ACK', 'Success'],
      ]);
      expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    }
  });

  it('refuses a lone surrogate rather than writing something PayPal would misread', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xd800, max: 0xdfff }), (unit) => {
        expect(() => encodeNvp({ L_NAME0: `a${String.fromCharCode(unit)}b` })).toThrow(URIError);
      }),
    );
  });
});

describe('NVP amounts, for any amount in minor units', () => {
  const currencies = ['JPY', 'TWD', 'HUF', 'USD', 'EUR', 'GBP'];

  it('read back to the same integer, with no decimal point for zero-decimal currencies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...currencies),
        (minor, currency) => {
          const written = formatAmount(minor, currency);

          expect(parseAmount(written, currency)).toBe(minor);
          if (['JPY', 'TWD', 'HUF'].includes(currency)) expect(written).toBe(String(minor));
          else expect(written).toMatch(/^\d+\.\d{2}$/);
        },
      ),
    );
  });

  it('keep the minus of a refund', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (minor) => {
        expect(parseAmount(`-${formatAmount(minor, 'JPY')}`, 'JPY')).toBe(-minor);
        expect(parseAmount(`-${formatAmount(minor, 'USD')}`, 'USD')).toBe(-minor);
      }),
    );
  });
});

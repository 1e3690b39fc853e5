import { describe, expect, it } from 'vitest';
import { decodeNvp, encodeNvp, formatAmount, parseAmount, truncateField } from './codec.ts';

describe('encodeNvp', () => {
  it('form-encodes keys and values in the order given', () => {
    expect(encodeNvp({ METHOD: 'SetExpressCheckout', AMT: '1980' })).toBe(
      'METHOD=SetExpressCheckout&AMT=1980',
    );
  });

  it('encodes spaces, reserved characters and Japanese text exactly once', () => {
    const body = encodeNvp({ L_NAME0: '緑茶 100g & 50%', URL: 'https://shop.test/r?a=1&b=2' });

    expect(body).toBe(
      'L_NAME0=%E7%B7%91%E8%8C%B6+100g+%26+50%25&URL=https%3A%2F%2Fshop.test%2Fr%3Fa%3D1%26b%3D2',
    );
    expect(decodeNvp(body)).toEqual({
      L_NAME0: '緑茶 100g & 50%',
      URL: 'https://shop.test/r?a=1&b=2',
    });
  });

  it('does not double-encode a value that already contains a percent escape', () => {
    expect(encodeNvp({ CUSTOM: '%2d' })).toBe('CUSTOM=%252d');
  });

  it("escapes the characters encodeURIComponent leaves alone: ! ' ( ) *", () => {
    expect(encodeNvp({ NOTE: "it's (ok)!*" })).toBe('NOTE=it%27s+%28ok%29%21%2A');
  });
});

describe('decodeNvp', () => {
  it("reads PayPal's lowercase escapes with %20 for spaces", () => {
    const raw = decodeNvp(
      'TOKEN=EC%2d8XB27384HS383672E&TIMESTAMP=2026%2d01%2d15T20%3a27%3a02Z&L_LONGMESSAGE0=Security%20header%20is%20not%20valid',
    );

    expect(raw).toEqual({
      TOKEN: 'EC-8XB27384HS383672E',
      TIMESTAMP: '2026-01-15T20:27:02Z',
      L_LONGMESSAGE0: 'Security header is not valid',
    });
  });

  it('reads + as a space and uppercase escapes', () => {
    expect(decodeNvp('NAME=Yamada+Taro&EMAIL=a%2Bb%40example.com')).toEqual({
      NAME: 'Yamada Taro',
      EMAIL: 'a+b@example.com',
    });
  });

  it('keeps an = inside a value and keeps keys as sent', () => {
    expect(decodeNvp('custom=a=b=c&Ack=Success&EMPTY=&FLAG')).toEqual({
      custom: 'a=b=c',
      Ack: 'Success',
      EMPTY: '',
      FLAG: '',
    });
  });

  it('throws on a malformed escape', () => {
    expect(() => decodeNvp('A=%zz')).toThrow(URIError);
  });
});

describe('formatAmount', () => {
  it('writes yen without a decimal point', () => {
    expect(formatAmount(1980, 'JPY')).toBe('1980');
    expect(formatAmount(0, 'JPY')).toBe('0');
  });

  it('writes other zero-decimal currencies without a decimal point', () => {
    expect(formatAmount(300, 'TWD')).toBe('300');
    expect(formatAmount(4500, 'HUF')).toBe('4500');
  });

  it('writes two-decimal currencies with exactly two decimals', () => {
    expect(formatAmount(1980, 'USD')).toBe('19.80');
    expect(formatAmount(5, 'EUR')).toBe('0.05');
    expect(formatAmount(100000, 'USD')).toBe('1000.00');
  });

  it('refuses non-integers, negatives and unknown currencies with a RangeError', () => {
    expect(() => formatAmount(19.8, 'JPY')).toThrow(RangeError);
    expect(() => formatAmount(-1, 'JPY')).toThrow(RangeError);
    expect(() => formatAmount(Number.NaN, 'USD')).toThrow(RangeError);
    expect(() => formatAmount(100, 'ABC')).toThrow(RangeError);
  });
});

describe('parseAmount', () => {
  it('reads yen as whole units', () => {
    expect(parseAmount('1980', 'JPY')).toBe(1980);
  });

  it('refuses a yen value with a decimal point', () => {
    expect(() => parseAmount('1980.00', 'JPY')).toThrow(RangeError);
    expect(() => parseAmount('1980.5', 'JPY')).toThrow(RangeError);
  });

  it('reads two-decimal currencies into cents', () => {
    expect(parseAmount('19.80', 'USD')).toBe(1980);
    expect(parseAmount('19.8', 'USD')).toBe(1980);
    expect(parseAmount('19', 'USD')).toBe(1900);
  });

  it('keeps the sign of a refund amount', () => {
    expect(parseAmount('-1980', 'JPY')).toBe(-1980);
    expect(parseAmount('-0.50', 'USD')).toBe(-50);
  });

  it('refuses thousands separators, three decimals and text', () => {
    expect(() => parseAmount('1,980', 'JPY')).toThrow(RangeError);
    expect(() => parseAmount('1.005', 'USD')).toThrow(RangeError);
    expect(() => parseAmount('abc', 'USD')).toThrow(RangeError);
    expect(() => parseAmount('', 'JPY')).toThrow(RangeError);
  });
});

describe('truncateField', () => {
  it('leaves a short value unchanged', () => {
    expect(truncateField('緑茶', 127)).toBe('緑茶');
  });

  it('cuts to the given number of characters, not bytes or UTF-16 units', () => {
    const name = '抹茶'.repeat(100);

    expect(truncateField(name, 127)).toBe(name.slice(0, 127));
    expect(Array.from(truncateField(name, 127))).toHaveLength(127);
  });

  it('never splits a character outside the basic plane', () => {
    const name = `${'a'.repeat(126)}𩸽𩸽`;
    const cut = truncateField(name, 127);

    expect(cut).toBe(`${'a'.repeat(126)}𩸽`);
    expect(cut.length).toBe(128);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

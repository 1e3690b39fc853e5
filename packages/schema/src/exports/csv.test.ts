import { describe, expect, it } from 'vitest';
import { fromCsv, guardCell, toCsv, tokyoTimestamp, unguardCell } from './csv.ts';

describe('CSV cells a spreadsheet could run', () => {
  it('are written after a single quote when they start like a formula', () => {
    expect(guardCell('=HYPERLINK("http://x","click")')).toBe(`'=HYPERLINK("http://x","click")`);
    expect(guardCell('+SUM(1;2)')).toBe(`'+SUM(1;2)`);
    expect(guardCell('-1+2')).toBe(`'-1+2`);
    expect(guardCell('@cmd')).toBe(`'@cmd`);
    expect(guardCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(guardCell('\r=1+1')).toBe(`'\r=1+1`);
  });

  it('are left alone otherwise, numbers included', () => {
    expect(guardCell('株式会社やまだ商店')).toBe('株式会社やまだ商店');
    expect(guardCell('A=B')).toBe('A=B');
    expect(guardCell("'Quoted")).toBe("'Quoted");
    expect(guardCell(-5)).toBe(-5);
    expect(guardCell(null)).toBe(null);
  });

  it('come back from the file exactly as they were, quotes of their own included', () => {
    const names = ['=1+1', "'=1+1", "''-2", "'Quoted", 'plain', '-', "'"];
    const csv = toCsv(
      ['company_name'],
      names.map((name) => [name]),
    );

    expect(csv).toContain(`\r\n'=1+1\r\n''=1+1\r\n'''-2\r\n'Quoted\r\n`);
    expect(fromCsv(csv).map((row) => unguardCell(row.company_name ?? ''))).toEqual(names);
  });

  it('lose their quote on import only when the rest could be taken for a formula', () => {
    expect(unguardCell(`'=HYPERLINK("http://x","click")`)).toBe('=HYPERLINK("http://x","click")');
    expect(unguardCell("'Quoted")).toBe("'Quoted");
    expect(unguardCell("'")).toBe("'");
    expect(unguardCell('=1+1')).toBe('=1+1');
  });
});

describe('times in the CSV files', () => {
  it('are written as the clock in Japan shows them, with the offset', () => {
    expect(tokyoTimestamp(new Date('2026-12-04T18:54:00.123Z'))).toBe('2026-12-05T03:54:00+09:00');
    expect(tokyoTimestamp(new Date('2026-06-30T15:00:00Z'))).toBe('2026-07-01T00:00:00+09:00');
  });
});

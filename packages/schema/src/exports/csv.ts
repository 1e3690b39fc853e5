import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Excel in Japan opens UTF-8 CSV correctly only with a byte order mark. */
const bom = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return),
 * after any single quotes: a value that merely looks guarded is guarded too, so that reading
 * the file back gives exactly what was written.
 */
const formulaLike = /^'*[=+\-@\t\r]/;
const guarded = /^'+[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will show it and not run it: prefixed with a single quote when
 * it could be taken for a formula. Numbers are written as they are; every amount the shop
 * exports is zero or more, so none of them starts with a minus sign.
 */
export function guardCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string' || !formulaLike.test(value)) return value;

  return `'${value}`;
}

/**
 * The value `guardCell` was given: one leading single quote is dropped only when the rest could
 * be taken for a formula. Any other leading quote, as in `'Quoted`, is part of the value.
 */
export function unguardCell(value: string): string {
  return guarded.test(value) ? value.slice(1) : value;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return (
    bom +
    stringify([header, ...rows.map((row) => row.map(guardCell))], { record_delimiter: 'windows' })
  );
}

/** Rows of a CSV file as objects keyed by its header; a leading BOM is ignored. */
export function fromCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true });
}

/**
 * The instant as the shop's clock in Japan shows it, with its offset:
 * `2026-12-05T03:54:00+09:00`. Japan has kept one offset, without daylight saving, since 1951.
 */
export function tokyoTimestamp(instant: Date): string {
  const shifted = new Date(instant.getTime() + 9 * 60 * 60 * 1000);

  return `${shifted.toISOString().slice(0, 19)}+09:00`;
}

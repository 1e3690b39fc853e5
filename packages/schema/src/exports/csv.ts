import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Excel in Japan opens UTF-8 CSV correctly only with a byte order mark. */
const bom = '\uFEFF';

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return bom + stringify([header, ...rows], { record_delimiter: 'windows' });
}

/** Rows of a CSV file as objects keyed by its header; a leading BOM is ignored. */
export function fromCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true });
}

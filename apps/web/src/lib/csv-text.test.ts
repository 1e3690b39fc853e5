import { describe, expect, it } from 'vitest';
import { csvText } from './csv-text';

const row = 'email,company_name\r\nbuyer@example.com,株式会社やまだ商店\r\n';

// 株式会社やまだ商店 as Excel's "CSV (Comma delimited)" writes it in Japan.
const shiftJis = new Uint8Array([
  ...new TextEncoder().encode('email,company_name\r\nbuyer@example.com,'),
  ...[0x8a, 0x94, 0x8e, 0xae, 0x89, 0xef, 0x8e, 0xd0, 0x82, 0xe2, 0x82, 0xdc, 0x82, 0xbe],
  ...[0x8f, 0xa4, 0x93, 0x58, 0x0d, 0x0a],
]);

describe('the text of an uploaded CSV file', () => {
  it('is read as UTF-8, without its byte order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${row}`);

    expect(csvText(bytes)).toBe(row);
    expect(csvText(new TextEncoder().encode(row))).toBe(row);
  });

  it('is read as Shift_JIS when it is not UTF-8, as Excel in Japan saves CSV', () => {
    expect(csvText(shiftJis)).toBe(row);
    expect(csvText(shiftJis.buffer)).toBe(row);
  });

  it('is refused when it is neither, such as UTF-16', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([0x65, 0x3d]).buffer),
    ]);

    expect(csvText(utf16)).toBeNull();
  });
});

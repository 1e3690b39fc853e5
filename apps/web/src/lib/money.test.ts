import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './money';

describe('formatMoney', () => {
  it('formats yen amounts as whole yen with separators', () => {
    expect(formatMoney({ amount: 1980, currency: 'JPY' })).toBe('￥1,980');
    expect(formatMoney({ amount: 0, currency: 'JPY' })).toBe('￥0');
    expect(formatMoney({ amount: 1234567, currency: 'JPY' })).toBe('￥1,234,567');
  });

  it('reads amounts in minor units for currencies that have them', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99');
  });
});

describe('formatDateTime', () => {
  it('shows the time in Tokyo whatever the server time zone', () => {
    expect(formatDateTime('2026-12-04T15:30:00Z')).toBe('2026/12/05 0:30');
  });

  it('shows a dash for a missing or broken date', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('yesterday')).toBe('—');
  });
});

describe('formatDate', () => {
  it('shows the day in Tokyo, which may be the next one in UTC', () => {
    expect(formatDate('2026-12-04T15:30:00Z')).toBe('2026/12/05');
    expect(formatDate('2026-12-04T14:59:59Z')).toBe('2026/12/04');
    expect(formatDate('not a date')).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import { isFiltered, memberFilterInput, readMemberFilterValues } from './member-filter';

const empty = { q: '', allowedMethod: '', from: '', to: '', sort: '' };

describe('the 会員一覧 filter', () => {
  it('reads nothing from the bare list', () => {
    const values = readMemberFilterValues(new URLSearchParams());

    expect(values).toEqual(empty);
    expect(memberFilterInput(values)).toEqual({});
    expect(isFiltered(values)).toBe(false);
  });

  it('reads search, allowed method, registration dates in Tokyo time and the sort', () => {
    const values = readMemberFilterValues(
      new URLSearchParams(
        'q=%20山田%20&allowedMethod=PAYPAL&from=2026-12-01&to=2026-12-04&sort=COMPANY',
      ),
    );

    expect(values).toEqual({
      q: '山田',
      allowedMethod: 'PAYPAL',
      from: '2026-12-01',
      to: '2026-12-04',
      sort: 'COMPANY',
    });
    expect(memberFilterInput(values)).toEqual({
      search: '山田',
      allowedPaymentMethod: 'PAYPAL',
      createdAfter: '2026-11-30T15:00:00.000Z',
      createdBefore: '2026-12-04T15:00:00.000Z',
    });
  });

  it('reads the same from a form that repeats the list filter', () => {
    const form = new FormData();
    form.set('allowedMethod', 'INVOICE');
    form.set('to', '2026-01-31');

    expect(memberFilterInput(readMemberFilterValues(form))).toEqual({
      allowedPaymentMethod: 'INVOICE',
      createdBefore: '2026-01-31T15:00:00.000Z',
    });
  });

  it('ignores what is not a filter, and the default order', () => {
    const values = readMemberFilterValues(
      new URLSearchParams('allowedMethod=BITCOIN&from=yesterday&to=2026-02-30x&sort=NEWEST'),
    );

    expect(values).toEqual(empty);
  });

  it('keeps a sort without calling the list filtered', () => {
    const values = readMemberFilterValues(new URLSearchParams('sort=OLDEST'));

    expect(values.sort).toBe('OLDEST');
    expect(isFiltered(values)).toBe(false);
  });
});

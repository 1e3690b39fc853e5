import { describe, expect, it } from 'vitest';
import { memberBulkInput, readMemberBulkForm } from './member-bulk';

const noFilter = { q: '', allowedMethod: '', from: '', to: '', sort: '' } as const;

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }

  return data;
}

describe('readMemberBulkForm', () => {
  it('reads the ticked members once each and ignores the filter', () => {
    const { change } = readMemberBulkForm(
      form({
        scope: 'selected',
        memberIds: ['TWVtYmVyOjE=', 'TWVtYmVyOjI=', 'TWVtYmVyOjE='],
        q: 'transfer',
        allowedMethod: 'INVOICE',
        method: 'PAYPAL',
        allowed: 'true',
      }),
    );

    expect(change).toEqual({
      scope: 'selected',
      memberIds: ['TWVtYmVyOjE=', 'TWVtYmVyOjI='],
      filter: noFilter,
      method: 'PAYPAL',
      allowed: true,
      expected: null,
    });
  });

  it('refuses a change for the selected members when none is ticked', () => {
    const reading = readMemberBulkForm(
      form({ scope: 'selected', method: 'PAYPAL', allowed: 'true' }),
    );

    expect(reading.problem).toBe('none-selected');
  });

  it('reads the filter for every matching member, and leaves the ticks out', () => {
    const { change } = readMemberBulkForm(
      form({
        scope: 'filter',
        memberIds: 'TWVtYmVyOjE=',
        q: ' transfer ',
        allowedMethod: 'INVOICE',
        from: '2026-04-01',
        sort: 'COMPANY',
        method: 'BANK_TRANSFER',
        allowed: 'false',
      }),
    );

    expect(change).toMatchObject({
      memberIds: [],
      filter: { ...noFilter, q: 'transfer', allowedMethod: 'INVOICE', from: '2026-04-01' },
      allowed: false,
    });
    expect(change && memberBulkInput(change, true)).toHaveProperty('filter', {
      search: 'transfer',
      allowedPaymentMethod: 'INVOICE',
      createdAfter: '2026-03-31T15:00:00.000Z',
    });
  });

  it('refuses an unknown method or a missing choice of 許可する / 許可しない', () => {
    expect(
      readMemberBulkForm(form({ scope: 'filter', method: 'CASH', allowed: 'true' })).problem,
    ).toBe('invalid');
    expect(readMemberBulkForm(form({ scope: 'filter', method: 'PAYPAL' })).problem).toBe('invalid');
  });
});

describe('the confirmation of a previewed change', () => {
  it('carries the counts the preview showed, so the API changes just those members', () => {
    const { change } = readMemberBulkForm(
      form({
        scope: 'filter',
        method: 'CASH_ON_DELIVERY',
        allowed: 'true',
        expectedMatched: '2',
        expectedChanged: '1',
      }),
    );

    expect(change && memberBulkInput(change, false)).toEqual({
      filter: {},
      method: 'CASH_ON_DELIVERY',
      allowed: true,
      dryRun: false,
      expected: { matched: 2, changed: 1 },
    });
    expect(change && memberBulkInput(change, true)).not.toHaveProperty('expected');
  });
});

describe('memberBulkInput', () => {
  it('sends the selected members by id', () => {
    const change = {
      scope: 'selected' as const,
      memberIds: ['TWVtYmVyOjE='],
      filter: noFilter,
      method: 'PAYPAL' as const,
      allowed: true,
      expected: null,
    };

    expect(memberBulkInput(change, true)).toEqual({
      memberIds: ['TWVtYmVyOjE='],
      method: 'PAYPAL',
      allowed: true,
      dryRun: true,
    });
  });

  it('sends an empty filter for every member when nothing narrows the list', () => {
    const change = {
      scope: 'filter' as const,
      memberIds: [],
      filter: noFilter,
      method: 'PAYPAL' as const,
      allowed: false,
      expected: null,
    };

    expect(memberBulkInput(change, false)).toEqual({
      filter: {},
      method: 'PAYPAL',
      allowed: false,
      dryRun: false,
    });
  });
});

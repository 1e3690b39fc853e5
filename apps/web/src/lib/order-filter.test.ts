import { describe, expect, it } from 'vitest';
import { actionWithQuery, readOrderFilter } from './order-filter';

const empty = {
  status: '',
  paymentStatus: '',
  paymentMethod: '',
  from: '',
  to: '',
  q: '',
  member: '',
  sort: '',
};

describe('readOrderFilter', () => {
  it('has no filter for the bare list', () => {
    expect(readOrderFilter(new URLSearchParams())).toEqual({
      values: empty,
      filter: null,
      orderBy: null,
    });
  });

  it('reads every filter of the query string', () => {
    const params = new URLSearchParams(
      'status=NEW&paymentStatus=PAID&paymentMethod=PAYPAL&from=2026-12-01&to=2026-12-04&q=%20やまだ%20',
    );

    expect(readOrderFilter(params).filter).toEqual({
      status: ['NEW'],
      paymentStatus: ['PAID'],
      paymentMethod: ['PAYPAL'],
      createdAfter: '2026-11-30T15:00:00.000Z',
      createdBefore: '2026-12-04T15:00:00.000Z',
      search: 'やまだ',
    });
  });

  it("limits the list to one member's orders, by the member's global id", () => {
    const member = Buffer.from('Member:cm1', 'utf8').toString('base64');
    const { values, filter } = readOrderFilter(new URLSearchParams({ member }));

    expect(values.member).toBe(member);
    expect(filter).toEqual({ memberId: member });
  });

  it('ignores a member that is not a member id', () => {
    const order = Buffer.from('Order:o1', 'utf8').toString('base64');

    expect(readOrderFilter(new URLSearchParams({ member: order })).filter).toBeNull();
    expect(readOrderFilter(new URLSearchParams({ member: '%%%' })).filter).toBeNull();
  });

  it('reads the sort, and the default order as none', () => {
    expect(readOrderFilter(new URLSearchParams('sort=TOTAL')).orderBy).toBe('TOTAL');
    expect(readOrderFilter(new URLSearchParams('sort=UPDATED')).values.sort).toBe('UPDATED');
    expect(readOrderFilter(new URLSearchParams('sort=NEWEST')).orderBy).toBeNull();
    expect(readOrderFilter(new URLSearchParams('sort=CHEAPEST')).orderBy).toBeNull();
  });

  it('counts dates in Tokyo time, the last day included', () => {
    const { filter } = readOrderFilter(new URLSearchParams('from=2026-12-31&to=2026-12-31'));

    expect(filter).toEqual({
      createdAfter: '2026-12-30T15:00:00.000Z',
      createdBefore: '2026-12-31T15:00:00.000Z',
    });
  });

  it('ignores values that are not filters', () => {
    const params = new URLSearchParams(
      'status=LOST&paymentMethod=CASH&from=yesterday&to=2026-13-40&member=x&sort=up',
    );

    expect(readOrderFilter(params)).toEqual({
      values: empty,
      filter: null,
      orderBy: null,
    });
  });
});

describe('actionWithQuery', () => {
  it('posts to the same filtered page', () => {
    expect(actionWithQuery(new URLSearchParams('status=NEW&after=c1'), 'bulk')).toBe(
      '?status=NEW&after=c1&/bulk',
    );
  });

  it('names the action alone on the bare list', () => {
    expect(actionWithQuery(new URLSearchParams(), 'bulk')).toBe('?/bulk');
  });

  it('does not carry the previous action along', () => {
    expect(actionWithQuery(new URLSearchParams('status=NEW&/bulk'), 'bulk')).toBe(
      '?status=NEW&/bulk',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { csvOfList, listAddress, pageArgs, pageLinks } from './pagination';

/** A cursor as the API makes them: base64 of the Prisma plugin's tagged id. */
const c1 = btoa('GPC:S:0193abcd');
const info = { hasNextPage: true, hasPreviousPage: false, startCursor: 's', endCursor: 'e' };

describe('pageArgs', () => {
  it('pages forwards by default and from an after cursor', () => {
    expect(pageArgs(new URL('http://x/orders'), 20)).toEqual({
      first: 20,
      after: null,
      last: null,
      before: null,
    });
    expect(pageArgs(new URL(`http://x/orders?after=${c1}`), 20)).toMatchObject({ after: c1 });
  });

  it('pages backwards from a before cursor', () => {
    expect(pageArgs(new URL(`http://x/orders?before=${c1}`), 20)).toEqual({
      first: null,
      after: null,
      last: 20,
      before: c1,
    });
  });

  it('shows the first page for a cursor the API did not make (an edited or cut link)', () => {
    for (const cursor of ['garbage', '%%%', btoa('Order:1'), 'R1BDOl'.repeat(400)]) {
      const url = new URL('http://x/orders');
      url.searchParams.set('after', cursor);

      expect(pageArgs(url, 20)).toEqual({ first: 20, after: null, last: null, before: null });
    }
  });
});

describe('pageLinks', () => {
  it('offers only the next page on the first page', () => {
    expect(pageLinks(new URL('http://x/admin/orders?status=NEW'), info)).toEqual({
      next: '/admin/orders?status=NEW&after=e',
      previous: null,
    });
  });

  it('offers the way back once the visitor has paged forwards', () => {
    const links = pageLinks(new URL('http://x/orders?after=c1'), { ...info, hasNextPage: false });

    expect(links).toEqual({ next: null, previous: '/orders?before=s' });
  });

  it('offers the way forwards again after paging back', () => {
    const links = pageLinks(new URL('http://x/orders?before=c2'), {
      ...info,
      hasNextPage: false,
      hasPreviousPage: true,
    });

    expect(links).toEqual({ next: '/orders?after=e', previous: '/orders?before=s' });
  });
});

describe('pageLinks after a form action', () => {
  it('keeps the filter and leaves the action out of the links', () => {
    const url = new URL('http://x/admin/orders?status=NEW&after=c1&/bulk');

    expect(pageLinks(url, info)).toEqual({
      next: '/admin/orders?status=NEW&after=e',
      previous: '/admin/orders?status=NEW&before=s',
    });
  });
});

describe('listAddress', () => {
  it('keeps the search and the page but not the form action', () => {
    const url = new URL('http://shop.test/admin/members?q=transfer&after=abc&/bulkPreview=');

    expect(listAddress(url)).toBe('/admin/members?q=transfer&after=abc');
  });

  it('answers the bare path when nothing else is left', () => {
    expect(listAddress(new URL('http://shop.test/admin/members?/bulkApply'))).toBe(
      '/admin/members',
    );
  });
});

describe('csvOfList', () => {
  it('keeps the filter and leaves out the page and the form action', () => {
    const url = new URL('http://shop.test/admin/orders?status=NEW&q=1001&after=abc&/bulk');

    expect(csvOfList(url)).toBe('/admin/orders/csv?status=NEW&q=1001');
  });
});

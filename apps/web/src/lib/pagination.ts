type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
};

/**
 * A cursor as the API makes them (base64 of the Relay plugins' tagged value), or null: an
 * edited or truncated link then shows the first page instead of failing the page.
 */
function readableCursor(value: string | null): string | null {
  if (!value || value.length > 1000) return null;
  try {
    const decoded = atob(value);

    return decoded.startsWith('GPC:') || decoded.startsWith('OffsetConnection:') ? value : null;
  } catch {
    return null;
  }
}

/** Connection arguments from `?after=` (forwards) or `?before=` (backwards). */
export function pageArgs(url: URL, size: number) {
  const before = readableCursor(url.searchParams.get('before'));
  if (before) return { first: null, after: null, last: size, before };

  const after = readableCursor(url.searchParams.get('after'));

  return { first: size, after, last: null, before: null };
}

function withCursor(url: URL, name: 'after' | 'before', cursor: string): string {
  const params = new URLSearchParams(url.search);
  params.delete('after');
  params.delete('before');
  // A page shown after a form action has the action in its address (`?/bulk`): not a page's.
  for (const name of [...params.keys()]) if (name.startsWith('/')) params.delete(name);
  params.set(name, cursor);

  return `${url.pathname}?${params}`;
}

/**
 * Links to the neighbouring pages. Relay servers need not report a page on the side the
 * client did not page towards, so a cursor in the URL counts as proof that one exists.
 */
export function pageLinks(url: URL, pageInfo: PageInfo) {
  const forwards = !url.searchParams.has('before');
  const hasNext = forwards ? pageInfo.hasNextPage : true;
  const hasPrevious = forwards ? url.searchParams.has('after') : pageInfo.hasPreviousPage;

  return {
    next: hasNext && pageInfo.endCursor ? withCursor(url, 'after', pageInfo.endCursor) : null,
    previous:
      hasPrevious && pageInfo.startCursor ? withCursor(url, 'before', pageInfo.startCursor) : null,
  };
}

/** The list's own address without a form action (`?/bulk`) that the page was shown after. */
export function listAddress(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) if (name.startsWith('/')) params.delete(name);
  const query = params.toString();

  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The CSV of the whole list as filtered: its own address under `csv`, without the page. */
export function csvOfList(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) {
    if (name.startsWith('/') || name === 'after' || name === 'before') params.delete(name);
  }
  const query = params.toString();

  return `${url.pathname}/csv${query ? `?${query}` : ''}`;
}

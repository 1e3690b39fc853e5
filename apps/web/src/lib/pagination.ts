/**
 * Forward-only cursor pagination (`first`/`after`) with a way back: the cursors of the pages
 * already seen travel in the query string as repeated `back` parameters.
 */
export function pageCursor(url: URL): string | null {
  return url.searchParams.get('after') || null;
}

export function nextPageHref(url: URL, endCursor: string): string {
  const params = new URLSearchParams(url.search);
  params.append('back', pageCursor(url) ?? '');
  params.set('after', endCursor);

  return `${url.pathname}?${params}`;
}

export function previousPageHref(url: URL): string | null {
  const back = url.searchParams.getAll('back');
  if (back.length === 0) return null;

  const params = new URLSearchParams(url.search);
  const previous = back.pop() ?? '';
  params.delete('back');
  for (const cursor of back) params.append('back', cursor);
  if (previous) params.set('after', previous);
  else params.delete('after');
  const query = params.toString();

  return query ? `${url.pathname}?${query}` : url.pathname;
}

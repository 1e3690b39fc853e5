/**
 * A list's sort choices for its select. Newest first is every list's own order: it is sent as
 * an empty value, so choosing it leaves the address as it is.
 */
export function sortOptions<Sort extends string>(
  sorts: readonly Sort[],
  label: (sort: Sort) => string,
): { value: string; label: string }[] {
  return sorts.map((sort) => ({ value: sort === 'NEWEST' ? '' : sort, label: label(sort) }));
}

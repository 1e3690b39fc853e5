/**
 * A search text for Prisma's `contains`, which becomes SQL `LIKE`/`ILIKE`: `%`, `_` and the
 * escape character itself are escaped, so that they match themselves. Without this, a search
 * for `_` (common in email addresses) matched every row, and so did a bulk change "for every
 * member the search finds".
 */
export function containsText(search: string): string {
  return search.replace(/[\\%_]/g, (character) => `\\${character}`);
}

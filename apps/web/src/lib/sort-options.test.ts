import { describe, expect, it } from 'vitest';
import { sortOptions } from './sort-options';

describe('sortOptions', () => {
  it('sends newest first, the default, as an empty value and the others by name', () => {
    expect(sortOptions(['NEWEST', 'TOTAL'], (sort) => sort.toLowerCase())).toEqual([
      { value: '', label: 'newest' },
      { value: 'TOTAL', label: 'total' },
    ]);
  });
});

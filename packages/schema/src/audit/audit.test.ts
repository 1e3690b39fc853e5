import { describe, expect, it } from 'vitest';
import { diffFields } from './audit.ts';

type Setting = { enabled: boolean; description: string; fee: number | null };

describe('diffFields', () => {
  it('records what changed, and leaves out a field the change does not name', () => {
    const before: Setting = { enabled: true, description: 'old', fee: 0 };
    const fields = ['enabled', 'description', 'fee'] as const;

    expect(diffFields<Setting>(before, { enabled: false, description: 'old' }, fields)).toEqual({
      enabled: { from: true, to: false },
    });
    expect(diffFields<Setting>(before, { fee: null }, fields)).toEqual({
      fee: { from: 0, to: null },
    });
  });
});

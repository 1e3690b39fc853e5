import { describe, expect, it } from 'vitest';
import { auditPath, globalId, localId } from './global-id';

describe('global ids', () => {
  it("are the API's: base64 of the type and the database id", () => {
    expect(globalId('Member', '01a241f1-76cc-70fa-a498-4ae269cb9c4a')).toBe(
      'TWVtYmVyOjAxYTI0MWYxLTc2Y2MtNzBmYS1hNDk4LTRhZTI2OWNiOWM0YQ==',
    );
  });

  it('give back the database id of their own type only', () => {
    const id = globalId('Order', 'abc');

    expect(localId('Order', id)).toBe('abc');
    expect(localId('Member', id)).toBeNull();
  });
});

describe('auditPath', () => {
  it('filters the audit log by the database id inside a global id', () => {
    expect(auditPath('Order', globalId('Order', 'abc-1'))).toBe(
      '/admin/audit?subjectType=Order&subjectId=abc-1',
    );
  });

  it('has no path for an id of another type', () => {
    expect(auditPath('Order', globalId('Member', 'abc-1'))).toBeNull();
  });
});

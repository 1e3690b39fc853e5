import { describe, expect, it } from 'vitest';
import { globalId, localId } from './global-id';

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

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, secretHint } from './secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = box.seal('AFcWxV21C7fd0v3bYYYRCpSSRl31A-署名');

    expect(sealed).not.toContain('AFcWxV21');
    expect(box.open(sealed)).toBe('AFcWxV21C7fd0v3bYYYRCpSSRl31A-署名');
  });

  it('refuses a tampered value and a value sealed under another key', () => {
    const sealed = box.seal('password');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;

    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('shows only the last four characters as a hint', () => {
    expect(secretHint('LOCALSANDBOX2026')).toBe('••••2026');
    expect(secretHint('abc')).toBe('••••');
  });
});

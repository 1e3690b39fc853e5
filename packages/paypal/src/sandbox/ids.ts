import { createHash, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];

  return out;
}

/** `EC-` and 17 uppercase alphanumerics, like PayPal's Express Checkout tokens. */
export function newToken(): string {
  return `EC-${randomString(UPPER_ALNUM, 17)}`;
}

export function newTransactionId(): string {
  return randomString(UPPER_ALNUM, 17);
}

export function newPayerId(): string {
  return randomString(UPPER_ALNUM, 13);
}

export function newCorrelationId(): string {
  return randomString(HEX, 13);
}

export function newIpnTrackId(): string {
  return randomString(HEX, 13);
}

/** PayPal account ids are stable per account; derive one from the API username. */
export function accountIdFor(username: string): string {
  const digest = createHash('sha256').update(username).digest();
  let out = '';
  for (let i = 0; i < 13; i += 1) out += UPPER_ALNUM[(digest[i] ?? 0) % UPPER_ALNUM.length];

  return out;
}

/** PayPal API usernames are the account email with `@` replaced by `_api1.`. */
export function accountEmailFor(username: string): string {
  return username.includes('_api1.') ? username.replace('_api1.', '@') : username;
}

/** PayPal's NVP timestamps: UTC, second precision. */
export function nvpTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

import { decodeNvp } from '../nvp/codec.ts';

const UNRESERVED = /^[A-Za-z0-9_]$/;

/**
 * Encodes a value the way PayPal's NVP servers do: lowercase escapes, `%20` for a space, and
 * `-` and `.` escaped as well, so `EC-1` becomes `EC%2d1`.
 */
export function encodePayPalValue(value: string): string {
  let out = '';
  for (const char of value) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }

    for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).padStart(2, '0')}`;
  }

  return out;
}

export function encodePayPalResponse(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${encodePayPalValue(value)}`)
    .join('&');
}

/** Reads a request body with keys upper-cased, since PayPal matches names case-insensitively. */
export function decodeRequestFields(body: string): Record<string, string> {
  let decoded: Record<string, string>;
  try {
    decoded = decodeNvp(body);
  } catch {
    return {};
  }

  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(decoded)) fields[key.toUpperCase()] = value;

  return fields;
}

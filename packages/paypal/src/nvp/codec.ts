/** Currencies PayPal accepts, with the number of decimal places NVP amounts carry. */
const CURRENCY_DECIMALS: Readonly<Record<string, 0 | 2>> = {
  AUD: 2,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 0,
  ILS: 2,
  JPY: 0,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  PHP: 2,
  PLN: 2,
  RUB: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TWD: 0,
  USD: 2,
};

export function currencyDecimals(currency: string): 0 | 2 {
  const decimals = CURRENCY_DECIMALS[currency];
  if (decimals === undefined) {
    throw new RangeError(`Currency ${JSON.stringify(currency)} is not supported by PayPal`);
  }

  return decimals;
}

export function isSupportedCurrency(currency: string): boolean {
  return CURRENCY_DECIMALS[currency] !== undefined;
}

function encodeComponent(value: string): string {
  // encodeURIComponent leaves !'()* alone; form encoding escapes them too.
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Encodes fields as application/x-www-form-urlencoded UTF-8, in insertion order. */
export function encodeNvp(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${encodeComponent(key)}=${encodeComponent(value)}`)
    .join('&');
}

function decodeComponent(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/**
 * Parses a form-encoded NVP body. Keys keep the case they were sent in; a repeated key keeps
 * its last value. Throws URIError on a malformed percent escape.
 */
export function decodeNvp(body: string): Record<string, string> {
  // Collected in a Map: assigning a key such as `__proto__` to a plain object would drop it.
  const fields = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;

    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    fields.set(key, value);
  }

  return Object.fromEntries(fields);
}

/** Formats integer minor units the way NVP amount fields expect: `1980` JPY → "1980". */
export function formatAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new RangeError(`Amount must be a non-negative integer in minor units, got ${minor}`);
  }

  const decimals = currencyDecimals(currency);
  if (decimals === 0) return String(minor);

  const whole = Math.floor(minor / 100);
  const cents = String(minor % 100).padStart(2, '0');

  return `${whole}.${cents}`;
}

/**
 * Reads an NVP or IPN amount back into integer minor units. A leading minus is kept, because
 * PayPal reports refunds as negative amounts.
 */
export function parseAmount(value: string, currency: string): number {
  const decimals = currencyDecimals(currency);
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) {
    throw new RangeError(`${JSON.stringify(value)} is not a valid ${currency} amount`);
  }

  const [, sign = '', whole = '', fraction] = match;
  if (decimals === 0 && fraction !== undefined) {
    throw new RangeError(
      `${currency} amounts have no decimal places, got ${JSON.stringify(value)}`,
    );
  }

  const minor =
    decimals === 0 ? Number(whole) : Number(whole) * 100 + Number((fraction ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`${JSON.stringify(value)} is too large`);
  }

  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** Cuts `text` to at most `max` characters without splitting a surrogate pair. */
export function truncateField(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 0) {
    throw new RangeError(`max must be a non-negative integer, got ${max}`);
  }

  const codePoints = Array.from(text);
  if (codePoints.length <= max) return text;

  return codePoints.slice(0, max).join('');
}

import type { NvpErrorItem, NvpResult } from './types.ts';

/** A response that claims an ACK but lacks a field the method must return. */
export class NvpResponseFieldError extends Error {
  override name = 'NvpResponseFieldError';
}

const ACKS = {
  success: 'Success',
  successwithwarning: 'SuccessWithWarning',
  failure: 'Failure',
  failurewithwarning: 'FailureWithWarning',
} as const;

type Ack = (typeof ACKS)[keyof typeof ACKS];

export function readAck(raw: Record<string, string>): Ack | undefined {
  const ack = raw.ACK?.trim().toLowerCase();
  if (ack === undefined || !Object.hasOwn(ACKS, ack)) return undefined;

  return ACKS[ack as keyof typeof ACKS];
}

/** Every L_ERRORCODEn item, in the order of n; gaps in n are allowed. */
export function readErrorItems(raw: Record<string, string>): NvpErrorItem[] {
  const indexes = Object.keys(raw)
    .map((key) => /^L_ERRORCODE(\d+)$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);

  return indexes.map((n) => ({
    code: raw[`L_ERRORCODE${n}`] ?? '',
    shortMessage: raw[`L_SHORTMESSAGE${n}`] ?? '',
    longMessage: raw[`L_LONGMESSAGE${n}`] ?? '',
    severity: raw[`L_SEVERITYCODE${n}`] ?? '',
  }));
}

/**
 * Turns a decoded response into a result. Returns undefined when the body carries no ACK
 * PayPal defines, which leaves the outcome of the call unknown.
 */
export function toResult<T>(
  raw: Record<string, string>,
  readValue: (raw: Record<string, string>) => T,
): NvpResult<T> | undefined {
  const ack = readAck(raw);
  if (ack === undefined) return undefined;

  const correlationId = raw.CORRELATIONID ?? '';
  const items = readErrorItems(raw);
  if (ack === 'Failure' || ack === 'FailureWithWarning') {
    return { ok: false, ack, errors: items, correlationId, raw };
  }

  return { ok: true, ack, warnings: items, correlationId, value: readValue(raw), raw };
}

export function requiredField(raw: Record<string, string>, key: string): string {
  const value = raw[key];
  if (value === undefined || value === '') {
    throw new NvpResponseFieldError(`PayPal's response has no ${key}`);
  }

  return value;
}

/** The first non-empty of the given fields, for names PayPal renamed between API versions. */
export function firstField(raw: Record<string, string>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = raw[key];
    if (value !== undefined && value !== '') return value;
  }

  return undefined;
}

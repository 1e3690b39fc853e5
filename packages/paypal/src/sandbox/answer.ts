import type { PayPalFault } from './fault.ts';

export interface NvpRequest {
  /** Request fields with upper-cased names. */
  fields: Record<string, string>;
  /** The API username that made the call. */
  merchant: string;
}

export interface NvpAnswer {
  ack: 'Success' | 'SuccessWithWarning' | 'Failure';
  /** Fields PayPal writes before TIMESTAMP, such as TOKEN. */
  lead?: Record<string, string>;
  /** Fields PayPal writes after BUILD and the error items. */
  fields?: Record<string, string>;
  errors?: PayPalFault[];
}

export type NvpMethod = (request: NvpRequest) => NvpAnswer;

export function success(
  lead: Record<string, string>,
  fields: Record<string, string> = {},
): NvpAnswer {
  return { ack: 'Success', lead, fields };
}

import { paypalMessages } from './paypal-messages.ts';

/** A PayPal error the sandbox answers with ACK=Failure. */
export class PayPalFault extends Error {
  override name = 'PayPalFault';
  readonly code: string;
  readonly shortMessage: string;
  readonly longMessage: string;

  constructor(code: string, longMessage?: string) {
    const messages = paypalMessages(code);
    super(`${code} ${longMessage ?? messages.long}`);
    this.code = code;
    this.shortMessage = messages.short;
    this.longMessage = longMessage ?? messages.long;
  }
}

export function fault(code: string, longMessage?: string): PayPalFault {
  return new PayPalFault(code, longMessage);
}

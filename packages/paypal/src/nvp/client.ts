import { decodeNvp, encodeNvp, formatAmount } from './codec.ts';
import { paymentFields } from './payment-fields.ts';
import {
  readBalance,
  readCapture,
  readCheckoutDetails,
  readExpressCheckoutPayment,
  readRefund,
  readToken,
  readTransactionDetails,
  readVoid,
} from './readers.ts';
import { NvpResponseFieldError, toResult } from './response.ts';
import type {
  CaptureResult,
  DoCaptureInput,
  DoExpressCheckoutPaymentInput,
  DoVoidInput,
  ExpressCheckoutDetails,
  ExpressCheckoutPayment,
  NvpClientOptions,
  NvpCredentials,
  NvpResult,
  RefundResult,
  RefundTransactionInput,
  SetExpressCheckoutInput,
  TransactionDetails,
} from './types.ts';

export type {
  CaptureResult,
  CheckoutStatus,
  DoCaptureInput,
  DoExpressCheckoutPaymentInput,
  DoVoidInput,
  ExpressCheckoutDetails,
  ExpressCheckoutPayment,
  NvpClientOptions,
  NvpCredentials,
  NvpErrorItem,
  NvpLine,
  NvpPaymentAction,
  NvpPaymentRequest,
  NvpResult,
  RefundResult,
  RefundTransactionInput,
  SetExpressCheckoutInput,
  TransactionDetails,
} from './types.ts';

export const PAYPAL_HOSTS = {
  sandbox: {
    nvp: 'https://api-3t.sandbox.paypal.com/nvp',
    checkout: 'https://www.sandbox.paypal.com',
  },
  live: {
    nvp: 'https://api-3t.paypal.com/nvp',
    checkout: 'https://www.paypal.com',
  },
} as const;

export const DEFAULT_NVP_VERSION = '204.0';
const DEFAULT_TIMEOUT_MS = 30_000;

/** The page the buyer is sent to; `useraction=commit` makes PayPal's button read "Pay Now". */
export function expressCheckoutRedirectUrl(checkoutBase: string, token: string): string {
  const base = checkoutBase.replace(/\/+$/, '');
  const query = new URLSearchParams({ cmd: '_express-checkout', token, useraction: 'commit' });

  return `${base}/cgi-bin/webscr?${query}`;
}

export type NvpTransportErrorKind = 'timeout' | 'network' | 'http' | 'invalidResponse';

/**
 * The call may or may not have taken effect at PayPal: it timed out, the connection failed,
 * PayPal answered 5xx, or the body was not an NVP answer. Never carries request fields.
 */
export class NvpTransportError extends Error {
  override name = 'NvpTransportError';
  readonly kind: NvpTransportErrorKind;
  readonly method: string;
  readonly httpStatus: number | undefined;

  constructor(
    kind: NvpTransportErrorKind,
    method: string,
    detail: string,
    options?: { httpStatus?: number; cause?: unknown },
  ) {
    super(`PayPal ${method} ${detail}`, { cause: options?.cause });
    this.kind = kind;
    this.method = method;
    this.httpStatus = options?.httpStatus;
  }
}

const SECRET_FIELDS = ['USER', 'PWD', 'SIGNATURE'];

export class NvpClient {
  readonly #endpoint: string;
  readonly #credentials: NvpCredentials;
  readonly #version: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: NvpClientOptions) {
    this.#endpoint = options.endpoint;
    this.#credentials = { ...options.credentials };
    this.#version = options.version ?? DEFAULT_NVP_VERSION;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = options.fetch ?? fetch;
  }

  async setExpressCheckout(input: SetExpressCheckoutInput): Promise<NvpResult<{ token: string }>> {
    const fields: Record<string, string> = {
      ...paymentFields(input.payment),
      RETURNURL: input.returnUrl,
      CANCELURL: input.cancelUrl,
      // Sole + Billing offers card payment without a PayPal account, as the reference requires.
      SOLUTIONTYPE: 'Sole',
      LANDINGPAGE: 'Billing',
      NOSHIPPING: '1',
    };
    if (input.localeCode !== undefined) fields.LOCALECODE = input.localeCode;
    if (input.brandName !== undefined) fields.BRANDNAME = input.brandName;

    return this.#call('SetExpressCheckout', fields, readToken);
  }

  async getExpressCheckoutDetails(token: string): Promise<NvpResult<ExpressCheckoutDetails>> {
    return this.#call('GetExpressCheckoutDetails', { TOKEN: token }, readCheckoutDetails);
  }

  async doExpressCheckoutPayment(
    input: DoExpressCheckoutPaymentInput,
  ): Promise<NvpResult<ExpressCheckoutPayment>> {
    const fields: Record<string, string> = {
      TOKEN: input.token,
      PAYERID: input.payerId,
      ...paymentFields(input.payment),
    };
    if (input.msgSubId !== undefined) fields.MSGSUBID = input.msgSubId;

    return this.#call('DoExpressCheckoutPayment', fields, readExpressCheckoutPayment);
  }

  /** GetBalance: a harmless authenticated call, used to test the credentials. */
  async getBalance(): Promise<NvpResult<{ balances: { currency: string; amount: number }[] }>> {
    return this.#call('GetBalance', { RETURNALLCURRENCIES: '1' }, readBalance);
  }

  async getTransactionDetails(transactionId: string): Promise<NvpResult<TransactionDetails>> {
    return this.#call(
      'GetTransactionDetails',
      { TRANSACTIONID: transactionId },
      readTransactionDetails,
    );
  }

  async refundTransaction(input: RefundTransactionInput): Promise<NvpResult<RefundResult>> {
    if (input.type === 'Partial' && input.amount === undefined) {
      throw new RangeError('A partial refund needs an amount');
    }
    if (input.type === 'Full' && input.amount !== undefined) {
      throw new RangeError('A full refund takes no amount');
    }

    const fields: Record<string, string> = {
      TRANSACTIONID: input.transactionId,
      REFUNDTYPE: input.type,
      CURRENCYCODE: input.currency,
    };
    if (input.amount !== undefined) fields.AMT = formatAmount(input.amount, input.currency);
    if (input.msgSubId !== undefined) fields.MSGSUBID = input.msgSubId;
    if (input.note !== undefined) fields.NOTE = input.note;

    return this.#call('RefundTransaction', fields, (raw) => readRefund(raw, input.currency));
  }

  /** Captures an authorization in full (COMPLETETYPE=Complete): the money is taken now. */
  async doCapture(input: DoCaptureInput): Promise<NvpResult<CaptureResult>> {
    const fields: Record<string, string> = {
      AUTHORIZATIONID: input.authorizationId,
      AMT: formatAmount(input.amount, input.currency),
      CURRENCYCODE: input.currency,
      COMPLETETYPE: 'Complete',
    };
    if (input.invoiceId !== undefined) fields.INVNUM = input.invoiceId;
    if (input.msgSubId !== undefined) fields.MSGSUBID = input.msgSubId;
    if (input.note !== undefined) fields.NOTE = input.note;

    return this.#call('DoCapture', fields, readCapture);
  }

  async doVoid(input: DoVoidInput): Promise<NvpResult<{ authorizationId: string }>> {
    const fields: Record<string, string> = { AUTHORIZATIONID: input.authorizationId };
    if (input.msgSubId !== undefined) fields.MSGSUBID = input.msgSubId;
    if (input.note !== undefined) fields.NOTE = input.note;

    return this.#call('DoVoid', fields, readVoid);
  }

  async #call<T>(
    method: string,
    fields: Record<string, string>,
    readValue: (raw: Record<string, string>) => T,
  ): Promise<NvpResult<T>> {
    const body = encodeNvp({
      METHOD: method,
      VERSION: this.#version,
      USER: this.#credentials.username,
      PWD: this.#credentials.password,
      SIGNATURE: this.#credentials.signature,
      ...fields,
    });
    const text = await this.#post(method, body);
    const raw = this.#decode(method, text);

    try {
      const result = toResult(raw, readValue);
      if (result === undefined) {
        throw new NvpTransportError('invalidResponse', method, 'answered without an ACK');
      }

      return result;
    } catch (error) {
      if (!(error instanceof NvpResponseFieldError)) throw error;

      throw new NvpTransportError('invalidResponse', method, `answered badly: ${error.message}`);
    }
  }

  async #post(method: string, body: string): Promise<string> {
    let response: Response;
    try {
      response = await this.#fetch(this.#endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw transportFailure(method, error, this.#timeoutMs);
    }

    if (response.status >= 500) {
      await response.body?.cancel();
      throw new NvpTransportError('http', method, `answered HTTP ${response.status}`, {
        httpStatus: response.status,
      });
    }

    try {
      return await response.text();
    } catch (error) {
      throw transportFailure(method, error, this.#timeoutMs);
    }
  }

  #decode(method: string, text: string): Record<string, string> {
    let raw: Record<string, string>;
    try {
      raw = decodeNvp(text.trim());
    } catch {
      throw new NvpTransportError('invalidResponse', method, 'answered a body that is not NVP');
    }

    // The answer should never echo credentials; if one did, it must not travel further.
    for (const key of SECRET_FIELDS) delete raw[key];

    return raw;
  }
}

function transportFailure(method: string, error: unknown, timeoutMs: number): NvpTransportError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new NvpTransportError('timeout', method, `timed out after ${timeoutMs} ms`);
  }

  const code = networkCode(error);

  return new NvpTransportError('network', method, `failed to connect${code ? ` (${code})` : ''}`, {
    cause: error,
  });
}

function networkCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }

  return undefined;
}

export interface NvpCredentials {
  username: string;
  password: string;
  signature: string;
}

export interface NvpClientOptions {
  /** The NVP endpoint, e.g. `PAYPAL_HOSTS.sandbox.nvp` or the local sandbox's `/nvp`. */
  endpoint: string;
  credentials: NvpCredentials;
  /** NVP API version sent with every call. Default `'204.0'`. */
  version?: string;
  /** Per-call timeout. Default 30000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface NvpLine {
  name: string;
  sku: string;
  /** Unit price in minor units. */
  unitAmount: number;
  quantity: number;
}

export type NvpPaymentAction = 'Sale' | 'Authorization';

export interface NvpPaymentRequest {
  currency: string;
  itemTotal: number;
  shipping: number;
  tax: number;
  total: number;
  lines: NvpLine[];
  /** The order number, sent as INVNUM. */
  invoiceId: string;
  notifyUrl?: string;
  custom?: string;
  /** Default `'Sale'`. `'Authorization'` leaves an authorization that DoVoid can cancel. */
  paymentAction?: NvpPaymentAction;
}

export interface NvpErrorItem {
  code: string;
  shortMessage: string;
  longMessage: string;
  severity: string;
}

export type NvpResult<T> =
  | {
      ok: true;
      ack: 'Success' | 'SuccessWithWarning';
      warnings: NvpErrorItem[];
      correlationId: string;
      value: T;
      raw: Record<string, string>;
    }
  | {
      ok: false;
      ack: 'Failure' | 'FailureWithWarning';
      errors: NvpErrorItem[];
      correlationId: string;
      raw: Record<string, string>;
    };

export type CheckoutStatus =
  | 'PaymentActionNotInitiated'
  | 'PaymentActionFailed'
  | 'PaymentActionInProgress'
  | 'PaymentActionCompleted';

export interface SetExpressCheckoutInput {
  payment: NvpPaymentRequest;
  returnUrl: string;
  cancelUrl: string;
  /** PayPal locale of the buyer pages, e.g. `'ja_JP'`. */
  localeCode?: string;
  brandName?: string;
}

export interface ExpressCheckoutDetails {
  token: string;
  checkoutStatus: CheckoutStatus;
  payerId?: string;
  payerEmail?: string;
  payerStatus?: string;
  firstName?: string;
  lastName?: string;
  currency: string;
  /** Order total in minor units. */
  total: number;
  invoiceId: string;
  custom?: string;
  /** Set once the payment has been made with this token. */
  transactionId?: string;
}

export interface DoExpressCheckoutPaymentInput {
  token: string;
  payerId: string;
  payment: NvpPaymentRequest;
  /** Idempotency key: repeating it after an unknown outcome returns the first answer. */
  msgSubId?: string;
}

export interface ExpressCheckoutPayment {
  transactionId: string;
  /** PayPal's payment status: Completed, Pending, … */
  paymentStatus: string;
  pendingReason?: string;
  currency: string;
  amount: number;
  fee?: number;
}

export interface TransactionDetails {
  transactionId: string;
  parentTransactionId?: string;
  transactionType: string;
  paymentType?: string;
  /** Completed, Pending, Refunded, Partially-Refunded, Voided, … */
  paymentStatus: string;
  pendingReason?: string;
  currency: string;
  /** Gross amount in minor units; negative for a refund. */
  amount: number;
  fee?: number;
  invoiceId?: string;
  custom?: string;
  payerId?: string;
  payerEmail?: string;
  orderTime?: string;
}

export interface RefundTransactionInput {
  transactionId: string;
  type: 'Full' | 'Partial';
  /** Required for a partial refund, refused for a full one. Minor units. */
  amount?: number;
  currency: string;
  msgSubId?: string;
  note?: string;
}

export interface RefundResult {
  refundTransactionId: string;
  grossRefundAmount: number;
  totalRefundedAmount: number;
  feeRefundAmount?: number;
  netRefundAmount?: number;
  /** Instant, Delayed or None. */
  refundStatus: string;
}

export interface DoCaptureInput {
  authorizationId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  /** The order number, sent as INVNUM. */
  invoiceId?: string;
  msgSubId?: string;
  note?: string;
}

/** DoCapture's answer: the sale that captured the authorization. */
export interface CaptureResult {
  authorizationId: string;
  transactionId: string;
  parentTransactionId?: string;
  /** Completed, or Pending when PayPal holds the captured money. */
  paymentStatus: string;
  pendingReason?: string;
  currency: string;
  amount: number;
  fee?: number;
}

export interface DoVoidInput {
  authorizationId: string;
  msgSubId?: string;
  note?: string;
}

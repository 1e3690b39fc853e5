import type { CheckoutStatus, NvpPaymentAction } from '../nvp/types.ts';

export interface SandboxBuyer {
  email: string;
  password: string;
  payerId: string;
  firstName?: string;
  lastName?: string;
  /** Default `'verified'`. */
  status?: 'verified' | 'unverified';
  /** Default `'JP'`. */
  countryCode?: string;
}

export interface Payer {
  payerId: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  status: 'verified' | 'unverified';
  countryCode: string;
  guest: boolean;
}

export interface PaymentLine {
  name: string;
  number?: string;
  amount: number;
  quantity: number;
}

/** A PAYMENTREQUEST_0 as the sandbox understood it; amounts in minor units. */
export interface PaymentRequest {
  action: NvpPaymentAction;
  currency: string;
  total: number;
  itemTotal: number;
  shipping: number;
  handling: number;
  tax: number;
  invoiceId?: string;
  notifyUrl?: string;
  custom?: string;
  lines: PaymentLine[];
}

export interface Checkout {
  token: string;
  /** The API username that created the token. */
  merchant: string;
  createdAt: number;
  expiresAt: number;
  payment: PaymentRequest;
  returnUrl: string;
  cancelUrl: string;
  localeCode?: string;
  brandName?: string;
  guestCheckout: boolean;
  cardFirst: boolean;
  payer?: Payer;
  attempts: number;
  status: CheckoutStatus;
  transactionId?: string;
  /** The first successful DoExpressCheckoutPayment, replayed for a repeated MSGSUBID. */
  completion?: { msgSubId?: string; fields: Record<string, string> };
}

export type TransactionStatus =
  | 'Completed'
  | 'Pending'
  | 'Partially-Refunded'
  | 'Refunded'
  | 'Voided';

export interface Refund {
  id: string;
  amount: number;
  createdAt: number;
  note?: string;
}

export interface Transaction {
  id: string;
  token: string;
  merchant: string;
  action: NvpPaymentAction;
  invoiceId?: string;
  custom?: string;
  notifyUrl?: string;
  currency: string;
  amount: number;
  fee: number;
  tax: number;
  lines: PaymentLine[];
  payer: Payer;
  status: TransactionStatus;
  pendingReason?: string;
  createdAt: number;
  refunds: Refund[];
  voidedAt?: number;
  /** On an authorization: the sale that captured it. */
  captureId?: string;
  /** On a capture: the authorization it captured. */
  authorizationId?: string;
}

export interface IpnDelivery {
  trackId: string;
  url: string;
  body: string;
  kind: 'payment' | 'refund' | 'void';
  txnId: string;
  attempts: number;
  status: 'pending' | 'delivered' | 'failed' | 'refused';
  lastError?: string;
}

/** A slow answer: held `ms` before the call is applied, or after it is applied and before the
 * answer is sent (the call takes effect, but the caller may give up waiting for it). */
export interface NvpDelay {
  ms: number;
  when: 'before' | 'after';
}

export interface StoredReply {
  lead: Record<string, string>;
  fields: Record<string, string>;
}

/** Everything the sandbox remembers. In memory only; `/sim/reset` clears it. */
export class SandboxState {
  readonly checkouts = new Map<string, Checkout>();
  readonly transactions = new Map<string, Transaction>();
  /** Refund transaction id → id of the payment it refunds. */
  readonly refundParents = new Map<string, string>();
  /** `merchant method msgsubid` → the answer given the first time. */
  readonly replies = new Map<string, StoredReply>();
  /** Lower-cased METHOD → PayPal error code for its next call. */
  readonly failNext = new Map<string, string>();
  /** Lower-cased METHOD → how long its next call is held, and when. */
  readonly delayNext = new Map<string, NvpDelay>();
  /** Lower-cased METHOD → HTTP status its next call is answered with, without applying it. */
  readonly httpErrorNext = new Map<string, number>();
  /** When set, the next Sale payment is held Pending with this reason (e.g. paymentreview). */
  pendingNext: string | undefined;
  readonly ipnDeliveries: IpnDelivery[] = [];
  clockOffsetMs = 0;

  reset(): void {
    this.checkouts.clear();
    this.transactions.clear();
    this.refundParents.clear();
    this.replies.clear();
    this.failNext.clear();
    this.delayNext.clear();
    this.httpErrorNext.clear();
    this.pendingNext = undefined;
    this.ipnDeliveries.length = 0;
    this.clockOffsetMs = 0;
  }
}

export function refundedAmount(transaction: Transaction): number {
  return transaction.refunds.reduce((sum, refund) => sum + refund.amount, 0);
}

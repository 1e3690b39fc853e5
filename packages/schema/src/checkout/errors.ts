import type { OrderStatus, PaymentMethod, PaymentStatus } from '@wholesale/db/enums';
import { DomainError } from '../errors.ts';

export class PaymentMethodNotAllowedError extends DomainError {
  readonly method: PaymentMethod;
  /** Products in the order that do not allow the method, when they are the reason. */
  readonly restrictedProductIds: string[];

  constructor(method: PaymentMethod, restrictedProductIds: string[] = []) {
    super(
      'PAYMENT_METHOD_NOT_ALLOWED',
      restrictedProductIds.length > 0
        ? `Some products in this order cannot be paid with ${method}.`
        : `The payment method ${method} is not available to you.`,
    );
    this.method = method;
    this.restrictedProductIds = restrictedProductIds;
  }
}

export class InsufficientStockError extends DomainError {
  readonly productId: string;
  readonly available: number;

  constructor(productId: string, available: number) {
    super('INSUFFICIENT_STOCK', `Only ${available} left in stock.`);
    this.productId = productId;
    this.available = available;
  }
}

/** The order would cost another total than the one the buyer confirmed: nothing was ordered. */
export class CheckoutTotalChangedError extends DomainError {
  readonly total: number;

  constructor(total: number) {
    super('CHECKOUT_TOTAL_CHANGED', `The total is now ${total}; confirm it and order again.`);
    this.total = total;
  }
}

export class OrderNotFoundError extends DomainError {
  constructor() {
    super('ORDER_NOT_FOUND', 'No order of yours belongs to this PayPal payment.');
  }
}

export class OrderNotPayableError extends DomainError {
  readonly status: OrderStatus;
  readonly paymentStatus: PaymentStatus;

  constructor(status: OrderStatus, paymentStatus: PaymentStatus) {
    super('ORDER_NOT_PAYABLE', 'This order is not waiting for a payment now.');
    this.status = status;
    this.paymentStatus = paymentStatus;
  }
}

/** A PayPal failure, with messages safe to show the buyer. */
export class PayPalError extends DomainError {
  readonly paypalCode: string | null;
  readonly buyerMessageJa: string;
  readonly buyerMessageEn: string;
  readonly merchantMessageJa: string;
  readonly merchantMessageEn: string;
  /** Where the buyer can try again at PayPal with the same token, when that is the remedy. */
  readonly retryUrl: string | null;

  constructor(options: {
    message: string;
    paypalCode: string | null;
    buyerMessageJa: string;
    buyerMessageEn: string;
    /** For staff; a failure only the buyer meets has the buyer's words (Japanese) or `message`. */
    merchantMessageJa?: string;
    merchantMessageEn?: string;
    retryUrl?: string | null;
  }) {
    super('PAYPAL_ERROR', options.message);
    this.paypalCode = options.paypalCode;
    this.buyerMessageJa = options.buyerMessageJa;
    this.buyerMessageEn = options.buyerMessageEn;
    this.merchantMessageJa = options.merchantMessageJa ?? options.buyerMessageJa;
    this.merchantMessageEn = options.merchantMessageEn ?? options.message;
    this.retryUrl = options.retryUrl ?? null;
  }
}

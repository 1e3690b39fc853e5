import type { PaymentMethod } from '$lib/graphql/graphql';

/** Every method, in the order of 決済設定. */
export const paymentMethods: PaymentMethod[] = [
  'PAYPAL',
  'BANK_TRANSFER',
  'CASH_ON_DELIVERY',
  'INVOICE',
];

/** A form's `paymentMethod` is whatever the browser sent: only a known method goes on. */
export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return paymentMethods.includes(value as PaymentMethod);
}

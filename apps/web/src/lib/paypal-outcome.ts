import type { OrderStatus, PaymentMethod, PaymentStatus } from '$lib/graphql/graphql';

/**
 * What a buyer coming back from PayPal is told, from where the order stands now rather than
 * from the fact that PayPal sent them back: the order may have been paid another way, cancelled
 * or paid before, meanwhile.
 */
export type PayPalOutcome = 'paid' | 'pending' | 'unpaid' | 'not-paypal' | 'cancelled';

export function payPalOutcome(order: {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  paymentMethod: PaymentMethod;
}): PayPalOutcome {
  if (order.status === 'CANCELLED') return 'cancelled';
  if (order.paymentMethod !== 'PAYPAL') return 'not-paypal';
  if (order.paymentStatus === 'PENDING') return 'pending';
  if (order.paymentStatus === 'UNPAID' || order.paymentStatus === 'FAILED') return 'unpaid';

  return 'paid';
}

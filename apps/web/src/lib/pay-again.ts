import type { OrderStatus, PaymentStatus } from '$lib/graphql/graphql';

type OrderState = { status: OrderStatus; paymentStatus: PaymentStatus };

/** A 送信未完 order that nothing has paid: its buyer can pay it again, staff can send a reminder. */
export function awaitsPayment(order: OrderState): boolean {
  return order.status === 'PAYMENT_INCOMPLETE' && order.paymentStatus === 'UNPAID';
}

export function payOrderPath(orderNumber: string): string {
  return `/orders/${encodeURIComponent(orderNumber)}/pay`;
}

import type { OrderStatus } from '$lib/graphql/graphql';

type InstructedOrder = { status: OrderStatus; paymentInstructions?: string | null };

/**
 * The instructions to show the buyer: the API gives them while a bank transfer (or another
 * method paid later) is unpaid, and a cancelled order is no longer to be paid.
 */
export function paymentInstructionsToShow(order: InstructedOrder): string | null {
  if (order.status === 'CANCELLED') return null;
  const instructions = order.paymentInstructions?.trim();

  return instructions ? instructions : null;
}

import { statusValueLabel } from '$lib/order-actions';
import type { Locale } from '$lib/paraglide/runtime';

// Timeline entries whose values are statuses; the others carry an email address, a PayPal
// transaction id or nothing, shown as they are.
const statusKinds = new Set(['PLACED', 'ORDER_STATUS', 'PAYMENT_STATUS']);

/** A value on an order's timeline, a status by its label. */
export function timelineValue(
  kind: string,
  value: string | null | undefined,
  locale?: Locale,
): string | null {
  if (!value) return null;

  return statusKinds.has(kind) ? statusValueLabel(value, locale) : value;
}

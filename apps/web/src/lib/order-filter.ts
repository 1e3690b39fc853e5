import { localId } from '$lib/global-id';
import type { OrderOrder, OrderStatus, PaymentMethod, PaymentStatus } from '$lib/graphql/graphql';
import { calendarDay, tokyoMidnight } from '$lib/tokyo-date';

export const orderStatuses: OrderStatus[] = [
  'NEW',
  'PAYMENT_INCOMPLETE',
  'PROCESSING',
  'ON_HOLD',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
];

export const paymentStatuses: PaymentStatus[] = [
  'UNPAID',
  'PENDING',
  'PAID',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'VOIDED',
  'FAILED',
];

export const paymentMethods: PaymentMethod[] = [
  'PAYPAL',
  'BANK_TRANSFER',
  'CASH_ON_DELIVERY',
  'INVOICE',
];

/** The orders of 受注一覧, newest first unless another order is chosen. */
export const orderSorts: OrderOrder[] = ['NEWEST', 'OLDEST', 'TOTAL', 'UPDATED'];

/** The statuses staff may set by hand, as the API's transition table allows them. */
export const staffOrderStatuses: OrderStatus[] = [
  'PROCESSING',
  'ON_HOLD',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
];

/** The 受注一覧 filter as it stands in the query string; what is not valid reads as empty. */
export type OrderFilterValues = {
  status: OrderStatus | '';
  paymentStatus: PaymentStatus | '';
  paymentMethod: PaymentMethod | '';
  from: string;
  to: string;
  q: string;
  /** One member's orders, by the member's global id (from the member's page). */
  member: string;
  sort: OrderOrder | '';
};

function oneOf<Value extends string>(values: readonly Value[], value: string | null): Value | '' {
  return values.find((candidate) => candidate === value) ?? '';
}

export function readOrderFilter(params: URLSearchParams) {
  const values: OrderFilterValues = {
    status: oneOf(orderStatuses, params.get('status')),
    paymentStatus: oneOf(paymentStatuses, params.get('paymentStatus')),
    paymentMethod: oneOf(paymentMethods, params.get('paymentMethod')),
    from: calendarDay(params.get('from')),
    to: calendarDay(params.get('to')),
    q: params.get('q')?.trim().slice(0, 100) ?? '',
    member: memberParam(params.get('member')),
    // Newest first is the list's own order: it is not a choice worth keeping in the address.
    sort: params.get('sort') === 'NEWEST' ? '' : oneOf(orderSorts, params.get('sort')),
  };

  const filter = {
    ...(values.status ? { status: [values.status] } : {}),
    ...(values.paymentStatus ? { paymentStatus: [values.paymentStatus] } : {}),
    ...(values.paymentMethod ? { paymentMethod: [values.paymentMethod] } : {}),
    ...(values.from ? { createdAfter: tokyoMidnight(values.from) } : {}),
    // The last day is included: orders before the next day's midnight.
    ...(values.to ? { createdBefore: tokyoMidnight(values.to, 1) } : {}),
    ...(values.q ? { search: values.q } : {}),
    ...(values.member ? { memberId: values.member } : {}),
  };

  return {
    values,
    filter: Object.keys(filter).length > 0 ? filter : null,
    orderBy: values.sort || null,
  };
}

function memberParam(value: string | null): string {
  if (!value || value.length > 200) return '';

  return localId('Member', value) ? value : '';
}

/** The current query string with a form action added, so a POST keeps the list's filter. */
export function actionWithQuery(params: URLSearchParams, action: string): string {
  const kept = new URLSearchParams(params);
  for (const name of [...kept.keys()]) if (name.startsWith('/')) kept.delete(name);
  const query = kept.toString();

  return query ? `?${query}&/${action}` : `?/${action}`;
}

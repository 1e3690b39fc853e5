import type { MemberOrder, PaymentMethod } from '$lib/graphql/graphql';
import { isPaymentMethod } from '$lib/payment-method';
import { calendarDay, tokyoMidnight } from '$lib/tokyo-date';

/** 会員一覧's orders, newest first unless another is chosen. */
export const memberSorts: MemberOrder[] = ['NEWEST', 'OLDEST', 'COMPANY'];

/** The 会員一覧 filter as it stands in the query string; what is not valid reads as empty. */
export type MemberFilterValues = {
  q: string;
  allowedMethod: PaymentMethod | '';
  from: string;
  to: string;
  sort: MemberOrder | '';
};

/** Anything with `get`: the list's query string, or a form that repeats it. */
type Params = { get(name: string): FormDataEntryValue | null };

function text(params: Params, name: string): string | null {
  const value = params.get(name);

  return typeof value === 'string' ? value : null;
}

export function readMemberFilterValues(params: Params): MemberFilterValues {
  const method = text(params, 'allowedMethod');
  const sort = memberSorts.find((candidate) => candidate === text(params, 'sort'));

  return {
    q: text(params, 'q')?.trim().slice(0, 100) ?? '',
    allowedMethod: isPaymentMethod(method) ? method : '',
    from: calendarDay(text(params, 'from')),
    to: calendarDay(text(params, 'to')),
    // Newest first is the list's own order: it is not a choice worth keeping in the address.
    sort: sort === 'NEWEST' || sort === undefined ? '' : sort,
  };
}

/** The API's `MemberFilter` for these values; an empty object when nothing narrows the list. */
export function memberFilterInput(values: MemberFilterValues) {
  return {
    ...(values.q ? { search: values.q } : {}),
    ...(values.allowedMethod ? { allowedPaymentMethod: values.allowedMethod } : {}),
    // Registration dates are Japanese ones, the last day included.
    ...(values.from ? { createdAfter: tokyoMidnight(values.from) } : {}),
    ...(values.to ? { createdBefore: tokyoMidnight(values.to, 1) } : {}),
  };
}

/** Whether the values narrow the list (the order of the list does not). */
export function isFiltered(values: MemberFilterValues): boolean {
  return Object.keys(memberFilterInput(values)).length > 0;
}

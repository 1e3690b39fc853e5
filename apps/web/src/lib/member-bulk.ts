import type { PaymentMethod } from '$lib/graphql/graphql';
import { isPaymentMethod } from '$lib/payment-method';

/** Which members a bulk change is for: the ticked ones, or every one the search finds. */
export type MemberBulkScope = 'selected' | 'filter';

export type MemberBulkChange = {
  scope: MemberBulkScope;
  memberIds: string[];
  search: string;
  method: PaymentMethod;
  allowed: boolean;
};

type Reading =
  | { change: MemberBulkChange; problem: null }
  | { change: null; problem: 'none-selected' | 'invalid' };

/**
 * Reads the bulk form of 会員一覧, and the confirmation that repeats it in hidden fields: the
 * confirmation applies exactly the change that was previewed.
 */
export function readMemberBulkForm(form: FormData): Reading {
  const scope = form.get('scope');
  const method = form.get('method');
  const allowed = form.get('allowed');
  if (scope !== 'selected' && scope !== 'filter') return { change: null, problem: 'invalid' };
  if (!isPaymentMethod(method)) return { change: null, problem: 'invalid' };
  if (allowed !== 'true' && allowed !== 'false') return { change: null, problem: 'invalid' };

  const memberIds = [...new Set(form.getAll('memberIds').map(String).filter(Boolean))];
  if (scope === 'selected' && memberIds.length === 0) {
    return { change: null, problem: 'none-selected' };
  }

  const search = form.get('q')?.toString().trim() ?? '';

  return {
    change: {
      scope,
      memberIds: scope === 'selected' ? memberIds : [],
      search: scope === 'filter' ? search : '',
      method,
      allowed: allowed === 'true',
    },
    problem: null,
  };
}

/** The API's input: the members by id, or by the list's search (none: every member). */
export function memberBulkInput(change: MemberBulkChange, dryRun: boolean) {
  const { method, allowed } = change;
  if (change.scope === 'selected') {
    return { memberIds: change.memberIds, method, allowed, dryRun };
  }

  return { filter: change.search ? { search: change.search } : {}, method, allowed, dryRun };
}

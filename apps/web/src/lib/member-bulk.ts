import type { PaymentMethod } from '$lib/graphql/graphql';
import type { MemberFilterValues } from '$lib/member-filter';
import { memberFilterInput, readMemberFilterValues } from '$lib/member-filter';
import { isPaymentMethod } from '$lib/payment-method';

/** Which members a bulk change is for: the ticked ones, or every one the list's filter finds. */
export type MemberBulkScope = 'selected' | 'filter';

export type MemberBulkChange = {
  scope: MemberBulkScope;
  memberIds: string[];
  /** The list's filter, for scope `filter`; empty values for the ticked members. */
  filter: MemberFilterValues;
  method: PaymentMethod;
  allowed: boolean;
  /** The preview's counts, repeated by its confirmation: the change must reach those members. */
  expected: { matched: number; changed: number } | null;
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

  const filter = readMemberFilterValues(scope === 'filter' ? form : new FormData());

  return {
    change: {
      scope,
      memberIds: scope === 'selected' ? memberIds : [],
      // The order of the list changes nothing about which members match.
      filter: { ...filter, sort: '' },
      method,
      allowed: allowed === 'true',
      expected: previewed(form),
    },
    problem: null,
  };
}

function previewed(form: FormData): { matched: number; changed: number } | null {
  const matched = Number(form.get('expectedMatched'));
  const changed = Number(form.get('expectedChanged'));
  if (!form.has('expectedMatched') || !Number.isSafeInteger(matched) || matched < 0) return null;
  if (!form.has('expectedChanged') || !Number.isSafeInteger(changed) || changed < 0) return null;

  return { matched, changed };
}

/**
 * The API's input: the members by id, or by the list's filter (none: every member); applied,
 * with the counts the preview showed, so that it changes exactly what was previewed.
 */
export function memberBulkInput(change: MemberBulkChange, dryRun: boolean) {
  const { method, allowed } = change;
  const expected = !dryRun && change.expected ? { expected: change.expected } : {};
  if (change.scope === 'selected') {
    return { memberIds: change.memberIds, method, allowed, dryRun, ...expected };
  }

  return { filter: memberFilterInput(change.filter), method, allowed, dryRun, ...expected };
}

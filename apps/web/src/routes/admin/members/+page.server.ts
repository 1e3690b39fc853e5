import { fail } from '@sveltejs/kit';
import { mutate, query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { errorText, paymentMethodLabel } from '$lib/labels';
import { memberBulkInput, readMemberBulkForm } from '$lib/member-bulk';
import { memberFilterInput, memberSorts, readMemberFilterValues } from '$lib/member-filter';
import { pageArgs } from '$lib/pagination';
import { m } from '$lib/paraglide/messages';
import { paymentMethods } from '$lib/payment-method';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const Members = graphql(`
  query Members(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: MemberFilter
    $orderBy: MemberOrder
  ) {
    members(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
      orderBy: $orderBy
    ) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node { id companyName contactName email allowedPaymentMethods createdAt }
      }
    }
  }
`);

const EnabledMethods = graphql(`
  query EnabledMethods {
    paymentSettings { methods { method enabled } }
  }
`);

const SetMembersPaymentMethod = graphql(`
  mutation SetMembersPaymentMethod($input: SetMembersPaymentMethodInput!) {
    setMembersPaymentMethod(input: $input) {
      __typename
      ... on SetMembersPaymentMethodPayload { matched changed dryRun }
      ... on ValidationError { code message field }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const values = readMemberFilterValues(event.url.searchParams);
  const [{ members }, { paymentSettings }] = await Promise.all([
    query(event, Members, {
      ...pageArgs(event.url, 20),
      filter: memberFilterInput(values),
      orderBy: values.sort || null,
    }),
    query(event, EnabledMethods, {}),
  ]);
  // A method 決済設定 has turned off cannot be allowed: the bulk form offers only enabled ones.
  const enabledMethods = paymentSettings.methods
    .filter((setting) => setting.enabled)
    .map((setting) => setting.method);

  return { members, values, paymentMethods, enabledMethods, sorts: memberSorts };
};

/** The preview and its confirmation differ only in whether the API may change anything. */
async function bulkChange(event: RequestEvent, dryRun: boolean) {
  const { change, problem } = readMemberBulkForm(await event.request.formData());
  if (!change) {
    const bulkError =
      problem === 'none-selected' ? m.member_bulk_none_selected() : m.error_VALIDATION();

    return fail(400, { bulkError });
  }

  const { setMembersPaymentMethod: result } = await mutate(event, SetMembersPaymentMethod, {
    input: memberBulkInput(change, dryRun),
  });
  if (result.__typename !== 'SetMembersPaymentMethodPayload') {
    // On the method: 決済設定 turned it off meanwhile. On `expected`: the members changed
    // after the preview, so nothing was changed and a new preview is due.
    const bulkError =
      result.field === 'method'
        ? m.error_method_not_enabled({ method: paymentMethodLabel(change.method) })
        : result.field === 'expected'
          ? m.member_bulk_stale()
          : errorText(result);

    return fail(400, { bulkError });
  }

  const counts = { matched: result.matched, changed: result.changed };

  return dryRun ? { preview: { change, ...counts } } : { applied: { change, ...counts } };
}

export const actions: Actions = {
  bulkPreview: (event) => bulkChange(event, true),
  bulkApply: (event) => bulkChange(event, false),
};

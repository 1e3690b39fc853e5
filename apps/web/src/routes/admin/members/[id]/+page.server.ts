import { error, fail } from '@sveltejs/kit';
import { auditPath } from '$lib/global-id';
import { mutate, queryOrFailure } from '$lib/graphql/client';
import { graphql, type PaymentMethod } from '$lib/graphql/graphql';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const MemberFields = graphql(`
  fragment MemberFields on Member {
    id
    companyName
    contactName
    email
    allowedPaymentMethods
    createdAt
  }
`);

const MemberWithSettings = graphql(
  `
  query MemberWithSettings($id: ID!) {
    member(id: $id) { ...MemberFields }
    paymentSettings { methods { method enabled } }
  }
`,
  [MemberFields],
);

const UpdateMember = graphql(
  `
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      __typename
      ... on UpdateMemberPayload { member { ...MemberFields } }
      ... on Error { code message }
    }
  }
`,
  [MemberFields],
);

/** The member and the payment settings; a 404 for an id that names no member. */
async function loadMember(event: RequestEvent) {
  const { data } = await queryOrFailure(event, MemberWithSettings, { id: event.params.id });
  if (!data?.member) error(404, m.error_NOT_FOUND());

  return { member: data.member, paymentSettings: data.paymentSettings };
}

export const load: PageServerLoad = async (event) => {
  const { member, paymentSettings } = await loadMember(event);

  const enabledMethods = paymentSettings.methods.filter((setting) => setting.enabled);

  return {
    member,
    enabledMethods: enabledMethods.map((setting) => setting.method),
    created: event.url.searchParams.has('created'),
    auditPath: auditPath('Member', member.id),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const { member, paymentSettings } = await loadMember(event);

    // Only enabled methods are shown as checkboxes; a permission for a method the merchant has
    // switched off stays as it was instead of being dropped by a form that never showed it.
    const enabled = new Set(paymentSettings.methods.filter((s) => s.enabled).map((s) => s.method));
    const ticked = form.getAll('allowedPaymentMethods').map(String) as PaymentMethod[];
    const allowedPaymentMethods = [
      ...ticked.filter((method) => enabled.has(method)),
      ...member.allowedPaymentMethods.filter((method) => !enabled.has(method)),
    ];

    const { updateMember: result } = await mutate(event, UpdateMember, {
      input: {
        id: member.id,
        companyName: form.get('companyName')?.toString().trim() ?? member.companyName,
        contactName: form.get('contactName')?.toString().trim() ?? member.contactName,
        allowedPaymentMethods,
      },
    });
    if (result.__typename !== 'UpdateMemberPayload') return fail(400, { error: errorText(result) });

    return { saved: true };
  },
};

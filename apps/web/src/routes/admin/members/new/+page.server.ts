import { fail, redirect } from '@sveltejs/kit';
import { mutate } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { errorText } from '$lib/labels';
import type { Actions } from './$types';

const CreateMember = graphql(`
  mutation CreateMember($input: CreateMemberInput!) {
    createMember(input: $input) {
      __typename
      ... on CreateMemberPayload { member { id } }
      ... on Error { code message }
    }
  }
`);

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const input = {
      companyName: form.get('companyName')?.toString().trim() ?? '',
      contactName: form.get('contactName')?.toString().trim() ?? '',
      email: form.get('email')?.toString().trim() ?? '',
      password: form.get('password')?.toString() ?? '',
    };

    const { createMember: result } = await mutate(event, CreateMember, { input });
    if (result.__typename !== 'CreateMemberPayload') {
      const { password: _password, ...entered } = input;

      return fail(400, { ...entered, error: errorText(result) });
    }

    redirect(303, `/admin/members/${encodeURIComponent(result.member.id)}?created=1`);
  },
};

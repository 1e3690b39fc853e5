import { fail, redirect } from '@sveltejs/kit';
import { accessRedirect, homePath, safeRedirectPath } from '$lib/access';
import { mutate } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const LogIn = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ... on LogInPayload { viewer { id role } }
      ... on Error { code message }
      ... on TooManyAttemptsError { retryAfterSeconds }
    }
  }
`);

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer) redirect(303, homePath(locals.viewer.role));

  return { redirectTo: safeRedirectPath(url.searchParams.get('redirectTo')) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = form.get('email')?.toString().trim() ?? '';
    const password = form.get('password')?.toString() ?? '';
    if (!email || !password) return fail(400, { email, error: m.login_missing() });

    const { logIn } = await mutate(event, LogIn, { input: { email, password } });
    if (logIn.__typename !== 'LogInPayload') {
      return fail(400, { email, error: errorText(logIn) });
    }

    const role = logIn.viewer.role;
    const wanted = safeRedirectPath(form.get('redirectTo')?.toString());
    const allowed = wanted && accessRedirect(new URL(wanted, event.url).pathname, role) === null;

    redirect(303, allowed ? wanted : homePath(role));
  },
};

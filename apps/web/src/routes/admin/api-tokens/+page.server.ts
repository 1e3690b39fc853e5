import { fail } from '@sveltejs/kit';
import { mutate, query } from '$lib/graphql/client';
import { type ApiScope, graphql } from '$lib/graphql/graphql';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
`);

const ApiTokens = graphql(
  `
  query ApiTokens {
    apiTokens { ...ApiTokenFields }
  }
`,
  [ApiTokenFields],
);

const CreateApiToken = graphql(
  `
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenPayload { token apiToken { ...ApiTokenFields } }
      ... on Error { code message }
    }
  }
`,
  [ApiTokenFields],
);

const RevokeApiToken = graphql(
  `
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      __typename
      ... on RevokeApiTokenPayload { apiToken { ...ApiTokenFields } }
      ... on Error { code message }
    }
  }
`,
  [ApiTokenFields],
);

const scopes: ApiScope[] = ['ORDERS_READ', 'MEMBERS_READ', 'ORDERS_WRITE'];

export const load: PageServerLoad = async (event) => {
  const { apiTokens } = await query(event, ApiTokens, {});

  return { apiTokens, scopes };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const name = form.get('name')?.toString().trim() ?? '';
    const chosen = form.getAll('scopes').map(String) as ApiScope[];
    const wanted = scopes.filter((scope) => chosen.includes(scope));
    if (!name) return fail(400, { action: 'create', error: m.token_name_required() });
    if (wanted.length === 0)
      return fail(400, { action: 'create', error: m.token_scope_required() });

    const { createApiToken: result } = await mutate(event, CreateApiToken, {
      input: { name, scopes: wanted },
    });
    if (result.__typename !== 'CreateApiTokenPayload') {
      return fail(400, { action: 'create', error: errorText(result) });
    }

    // The token is in this one response and nowhere else: it is not stored by the storefront.
    return { action: 'create', token: result.token, name: result.apiToken.name };
  },

  revoke: async (event) => {
    const form = await event.request.formData();
    const id = form.get('id')?.toString() ?? '';

    const { revokeApiToken: result } = await mutate(event, RevokeApiToken, { id });
    if (result.__typename !== 'RevokeApiTokenPayload') {
      return fail(400, { action: 'revoke', error: errorText(result) });
    }

    return { action: 'revoke', revoked: result.apiToken.name };
  },
};

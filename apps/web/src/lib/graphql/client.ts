import { error, type RequestEvent, redirect } from '@sveltejs/kit';
import { type AnyVariables, Client, type DocumentInput, fetchExchange } from '@urql/core';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * One client per request: it posts to the storefront's own `/graphql` proxy through
 * `event.fetch`, so the browser's cookies go along and the API's `set-cookie` reaches the
 * browser on the response SvelteKit is building.
 */
export function createClient(event: RequestEvent) {
  return new Client({
    url: `${event.url.origin}/graphql`,
    fetch: event.fetch,
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: { headers: { 'accept-language': getLocale() } },
  });
}

type Outcome<Data> = {
  data?: Data | null;
  error?: {
    networkError?: Error;
    graphQLErrors: { message: string; extensions?: Record<string, unknown> }[];
  };
};

/** Turns transport and auth failures into SvelteKit control flow; typed errors stay in `data`. */
export function unwrap<Data>(outcome: Outcome<Data>, event: RequestEvent): Data {
  const failure = outcome.error?.graphQLErrors[0];
  const code = failure?.extensions?.code;
  if (code === 'UNAUTHENTICATED') {
    redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  }
  if (code === 'FORBIDDEN') error(403, failure?.message ?? 'Forbidden');
  if (code === 'NOT_FOUND') error(404, failure?.message ?? 'Not found');
  if (outcome.error?.networkError) error(503, 'The order service is not reachable.');
  if (failure) error(502, failure.message);
  if (!outcome.data) error(502, 'The order service sent no data.');

  return outcome.data;
}

export async function query<Data, Variables extends AnyVariables>(
  event: RequestEvent,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const outcome = await createClient(event).query(document, variables).toPromise();

  return unwrap(outcome, event);
}

export async function mutate<Data, Variables extends AnyVariables>(
  event: RequestEvent,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const outcome = await createClient(event).mutation(document, variables).toPromise();

  return unwrap(outcome, event);
}

/**
 * Like `query`, but a GraphQL error comes back as `failure` for the page to explain, for reads
 * whose input the browser supplied (the cart cookie can name a product that no longer exists).
 * Auth and transport failures still take the usual way.
 */
export async function queryOrFailure<Data, Variables extends AnyVariables>(
  event: RequestEvent,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<{ data: Data; failure: null } | { data: null; failure: string }> {
  const outcome = await createClient(event).query(document, variables).toPromise();
  const failure = outcome.error?.graphQLErrors[0];
  const code = failure?.extensions?.code;
  if (!failure || code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return { data: unwrap(outcome, event), failure: null };
  }

  return { data: null, failure: failure.message };
}

import type { RequestEvent } from '@sveltejs/kit';
import { createClient } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      role
      email
      displayName
      member { id companyName }
    }
  }
`);

/** The logged-in person, or null; `reachable` is false when the API did not answer. */
export async function loadViewer(event: RequestEvent) {
  const outcome = await createClient(event).query(ViewerQuery, {}).toPromise();
  if (outcome.error?.networkError) return { viewer: null, reachable: false };

  return { viewer: outcome.data?.viewer ?? null, reachable: true };
}

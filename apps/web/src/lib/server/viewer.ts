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

/**
 * The logged-in person, or null; `reachable` is false when the API could not say who it is:
 * it did not answer, or answered with an error (its database away, say). The viewer is then
 * unknown, not absent: a session must not look logged out because the API is down.
 */
export async function loadViewer(event: RequestEvent) {
  const outcome = await createClient(event).query(ViewerQuery, {}).toPromise();
  if (outcome.error) return { viewer: null, reachable: false };

  return { viewer: outcome.data?.viewer ?? null, reachable: true };
}

import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { pageArgs } from '$lib/pagination';
import type { PageServerLoad } from './$types';

const Members = graphql(`
  query Members(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: MemberFilter
  ) {
    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node { id companyName contactName email allowedPaymentMethods }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const search = event.url.searchParams.get('q')?.trim() ?? '';
  const { members } = await query(event, Members, {
    ...pageArgs(event.url, 20),
    filter: search ? { search } : null,
  });

  return { members, search };
};

import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { pageArgs } from '$lib/pagination';
import type { PageServerLoad } from './$types';

const EmailMessages = graphql(`
  query EmailMessages($first: Int, $after: String, $last: Int, $before: String) {
    emailMessages(first: $first, after: $after, last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          to
          subject
          text
          status
          attempts
          lastError
          createdAt
          sentAt
          order { id number }
        }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const { emailMessages } = await query(event, EmailMessages, pageArgs(event.url, 20));

  return { emailMessages };
};

import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

const MembersCsv = graphql(`
  query MembersCsv {
    membersCsv
  }
`);

export const GET: RequestHandler = async (event) => {
  const { membersCsv } = await query(event, MembersCsv, {});

  return csvDownload(membersCsv, 'members.csv');
};

import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

const OrdersCsv = graphql(`
  query OrdersCsv {
    ordersCsv
  }
`);

export const GET: RequestHandler = async (event) => {
  const { ordersCsv } = await query(event, OrdersCsv, {});

  return csvDownload(ordersCsv, 'orders.csv');
};

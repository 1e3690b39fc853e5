import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { readOrderFilter } from '$lib/order-filter';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

const OrdersCsv = graphql(`
  query OrdersCsv($filter: OrderFilter) {
    ordersCsv(filter: $filter)
  }
`);

/** The orders 受注一覧 shows: the link carries the list's filter in its query string. */
export const GET: RequestHandler = async (event) => {
  const { filter } = readOrderFilter(event.url.searchParams);
  const { ordersCsv } = await query(event, OrdersCsv, { filter });

  return csvDownload(ordersCsv, 'orders.csv');
};

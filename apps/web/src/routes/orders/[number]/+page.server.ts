import { error } from '@sveltejs/kit';
import { query } from '$lib/graphql/client';
import { OrderByNumber } from '$lib/graphql/order';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { order } = await query(event, OrderByNumber, { number: event.params.number });
  if (!order) error(404, m.error_ORDER_NOT_FOUND());

  return { order, placed: event.url.searchParams.has('placed') };
};

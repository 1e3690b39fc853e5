import { error } from '@sveltejs/kit';
import { query } from '$lib/graphql/client';
import { OrderSummaryFields } from '$lib/graphql/fragments';
import { graphql } from '$lib/graphql/graphql';
import { m } from '$lib/paraglide/messages';
import { paymentInstructionsToShow } from '$lib/payment-instructions';
import type { PageServerLoad } from './$types';

const BuyerOrder = graphql(
  `
  query BuyerOrder($number: String!) {
    order(number: $number) { ...OrderSummaryFields paymentInstructions }
  }
`,
  [OrderSummaryFields],
);

export const load: PageServerLoad = async (event) => {
  const { order } = await query(event, BuyerOrder, { number: event.params.number });
  if (!order) error(404, m.error_ORDER_NOT_FOUND());

  return {
    order,
    instructions: paymentInstructionsToShow(order),
    placed: event.url.searchParams.has('placed'),
  };
};

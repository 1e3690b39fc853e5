import { error } from '@sveltejs/kit';
import { queryOrFailure } from '$lib/graphql/client';
import { OrderSummaryFields } from '$lib/graphql/fragments';
import { graphql } from '$lib/graphql/graphql';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const AdminOrder = graphql(
  `
  query AdminOrder($id: ID!) {
    order(id: $id) {
      ...OrderSummaryFields
      updatedAt
      member { id companyName contactName email }
      paypal { token payerId transactionId payerEmail }
      payments {
        id
        method
        status
        amount { amount currency }
        paypalToken
        paypalTransactionId
        errorCode
        errorMessage
        createdAt
      }
    }
  }
`,
  [OrderSummaryFields],
);

export const load: PageServerLoad = async (event) => {
  // An id from the address bar that is not an order id is a page that does not exist.
  const { data } = await queryOrFailure(event, AdminOrder, { id: event.params.id });
  if (!data?.order) error(404, m.error_ORDER_NOT_FOUND());

  return { order: data.order };
};

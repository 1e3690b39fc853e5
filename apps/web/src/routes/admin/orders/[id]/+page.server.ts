import { error, fail } from '@sveltejs/kit';
import { mutate, queryOrFailure } from '$lib/graphql/client';
import { OrderSummaryFields } from '$lib/graphql/fragments';
import { graphql } from '$lib/graphql/graphql';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

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

const SendPaymentReminder = graphql(`
  mutation SendPaymentReminder($orderId: ID!) {
    sendPaymentReminder(orderId: $orderId) {
      __typename
      ... on SendPaymentReminderPayload { order { id member { email } } }
      ... on Error { code message }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  // An id from the address bar that is not an order id is a page that does not exist.
  const { data } = await queryOrFailure(event, AdminOrder, { id: event.params.id });
  if (!data?.order) error(404, m.error_ORDER_NOT_FOUND());

  return { order: data.order };
};

export const actions: Actions = {
  remind: async (event) => {
    const { sendPaymentReminder: result } = await mutate(event, SendPaymentReminder, {
      orderId: event.params.id,
    });
    if (result.__typename !== 'SendPaymentReminderPayload') {
      return fail(409, { reminderError: errorText(result) });
    }

    return { reminderSentTo: result.order.member.email };
  },
};

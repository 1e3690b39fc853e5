import { mutate, query } from '$lib/graphql/client';
import { OrderSummaryFields } from '$lib/graphql/fragments';
import { graphql } from '$lib/graphql/graphql';
import { OrderByNumber } from '$lib/graphql/order';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { payOrderPath } from '$lib/pay-again';
import { clearCart } from '$lib/server/cart-cookie';
import { cameFromCart, rememberSettledToken, settledOrderNumber } from '$lib/server/paypal-return';
import type { PageServerLoad, RequestEvent } from './$types';

const CompletePayPalReturn = graphql(
  `
  mutation CompletePayPalReturn($input: CompletePayPalReturnInput!) {
    completePayPalReturn(input: $input) {
      __typename
      ... on CompletePayPalReturnPayload { order { ...OrderSummaryFields } }
      ... on PayPalError { buyerMessageJa buyerMessageEn retryUrl }
      ... on Error { code message }
    }
  }
`,
  [OrderSummaryFields],
);

const UnpaidOrders = graphql(`
  query UnpaidOrders {
    orders(first: 50, filter: { status: [PAYMENT_INCOMPLETE], paymentStatus: [UNPAID] }) {
      edges {
        node {
          number
          payments { paypalToken }
        }
      }
    }
  }
`);

/**
 * PayPal's return URL names only its token. When PayPal cannot take the payment again with it
 * (an expired session, a funding source that is not available), the buyer pays the order anew:
 * find which of their unpaid orders the token belongs to.
 */
async function payPathForToken(event: RequestEvent, token: string): Promise<string | null> {
  const { orders } = await query(event, UnpaidOrders, {});
  const order = orders.edges.find(({ node }) =>
    node.payments.some((payment) => payment.paypalToken === token),
  );

  return order ? payOrderPath(order.node.number) : null;
}

export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token');
  const payerId = event.url.searchParams.get('PayerID');
  if (!token || !payerId) {
    return { order: null, error: m.paypal_missing_params(), retryUrl: null, payPath: null };
  }

  const settled = settledOrderNumber(event, token);
  if (settled) {
    const { order } = await query(event, OrderByNumber, { number: settled });
    if (order) return { order, error: null, retryUrl: null, payPath: null };
  }

  const { completePayPalReturn: result } = await mutate(event, CompletePayPalReturn, {
    input: { token, payerId },
  });
  if (result.__typename === 'CompletePayPalReturnPayload') {
    if (cameFromCart(event, token)) clearCart(event);
    rememberSettledToken(event, token, result.order.number);

    return { order: result.order, error: null, retryUrl: null, payPath: null };
  }
  if (result.__typename === 'PayPalError') {
    const error = getLocale() === 'en' ? result.buyerMessageEn : result.buyerMessageJa;
    const retryUrl = result.retryUrl ?? null;
    const payPath = retryUrl ? null : await payPathForToken(event, token);
    // As after a cancel: the lines wait on the unpaid order, and a cart of them would order twice.
    if (payPath && cameFromCart(event, token)) clearCart(event);

    return { order: null, error, retryUrl, payPath };
  }

  return { order: null, error: errorText(result), retryUrl: null, payPath: null };
};

import { mutate, query } from '$lib/graphql/client';
import { OrderSummaryFields } from '$lib/graphql/fragments';
import { graphql } from '$lib/graphql/graphql';
import { OrderByNumber } from '$lib/graphql/order';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { clearCart } from '$lib/server/cart-cookie';
import { rememberSettledToken, settledOrderNumber } from '$lib/server/paypal-return';
import type { PageServerLoad } from './$types';

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

export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token');
  const payerId = event.url.searchParams.get('PayerID');
  if (!token || !payerId) return { order: null, error: m.paypal_missing_params(), retryUrl: null };

  const settled = settledOrderNumber(event, token);
  if (settled) {
    const { order } = await query(event, OrderByNumber, { number: settled });
    if (order) return { order, error: null, retryUrl: null };
  }

  const { completePayPalReturn: result } = await mutate(event, CompletePayPalReturn, {
    input: { token, payerId },
  });
  if (result.__typename === 'CompletePayPalReturnPayload') {
    clearCart(event);
    rememberSettledToken(event, token, result.order.number);

    return { order: result.order, error: null, retryUrl: null };
  }
  if (result.__typename === 'PayPalError') {
    const error = getLocale() === 'en' ? result.buyerMessageEn : result.buyerMessageJa;

    return { order: null, error, retryUrl: result.retryUrl ?? null };
  }

  return { order: null, error: errorText(result), retryUrl: null };
};

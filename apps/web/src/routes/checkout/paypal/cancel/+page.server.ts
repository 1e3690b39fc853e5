import { mutate, query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { OrderByNumber } from '$lib/graphql/order';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { clearCart } from '$lib/server/cart-cookie';
import { cameFromCart, rememberSettledToken, settledOrderNumber } from '$lib/server/paypal-return';
import type { PageServerLoad } from './$types';

const CancelPayPalReturn = graphql(`
  mutation CancelPayPalReturn($input: CancelPayPalReturnInput!) {
    cancelPayPalReturn(input: $input) {
      __typename
      ... on CancelPayPalReturnPayload { order { id number status paymentStatus } }
      ... on Error { code message }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token');
  if (!token) return { order: null, error: m.paypal_missing_params() };

  const settled = settledOrderNumber(event, token);
  if (settled) {
    const { order } = await query(event, OrderByNumber, { number: settled });
    if (order) return { order, error: null };
  }

  const { cancelPayPalReturn: result } = await mutate(event, CancelPayPalReturn, {
    input: { token },
  });
  if (result.__typename !== 'CancelPayPalReturnPayload') {
    return { order: null, error: errorText(result) };
  }

  // The lines now live on the unpaid order; keeping them in the cart would invite a second order.
  if (cameFromCart(event, token)) clearCart(event);
  rememberSettledToken(event, token, result.order.number);

  return { order: result.order, error: null };
};

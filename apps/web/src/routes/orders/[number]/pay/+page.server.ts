import { error, fail, redirect } from '@sveltejs/kit';
import { mutate, query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { awaitsPayment } from '$lib/pay-again';
import { isPaymentMethod } from '$lib/payment-method';
import { restrictedMethodText } from '$lib/payment-restriction';
import { rememberPayAgainToken } from '$lib/server/paypal-return';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const OrderToPay = graphql(`
  query OrderToPay($number: String!) {
    order(number: $number) {
      id
      number
      createdAt
      status
      paymentStatus
      paymentMethod
      total { amount currency }
    }
    checkoutPaymentMethods { method description fee { amount } }
  }
`);

const PayOrder = graphql(`
  mutation PayOrder($input: PayOrderInput!) {
    payOrder(input: $input) {
      __typename
      ... on PayOrderPayload {
        redirectUrl
        order { id number }
      }
      ... on PayPalError { buyerMessageJa buyerMessageEn }
      ... on PaymentMethodNotAllowedError {
        method
        restrictedProducts { id name nameEn }
      }
      ... on Error { code message }
    }
  }
`);

async function loadOrder(event: RequestEvent) {
  const data = await query(event, OrderToPay, { number: event.params.number });
  if (!data.order) error(404, m.error_ORDER_NOT_FOUND());

  return { order: data.order, paymentMethods: data.checkoutPaymentMethods };
}

export const load: PageServerLoad = async (event) => {
  const { order, paymentMethods } = await loadOrder(event);

  return { order, paymentMethods, payable: awaitsPayment(order) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const paymentMethod = form.get('paymentMethod');
    if (!isPaymentMethod(paymentMethod)) {
      return fail(400, { paymentMethod: null, error: m.choose_payment_method() });
    }
    const { order } = await loadOrder(event);

    const { payOrder: result } = await mutate(event, PayOrder, {
      input: { orderId: order.id, paymentMethod },
    });

    if (result.__typename === 'PayOrderPayload') {
      if (result.redirectUrl) {
        rememberPayAgainToken(event, result.redirectUrl);
        redirect(303, result.redirectUrl);
      }

      redirect(303, `/orders/${encodeURIComponent(result.order.number)}?placed=1`);
    }
    if (result.__typename === 'PayPalError') {
      const error = getLocale() === 'en' ? result.buyerMessageEn : result.buyerMessageJa;

      return fail(502, { paymentMethod, error });
    }

    if (result.__typename === 'PaymentMethodNotAllowedError' && result.restrictedProducts.length) {
      const error = restrictedMethodText(result.method, result.restrictedProducts, getLocale());

      return fail(409, { paymentMethod: null, error });
    }

    return fail(409, { paymentMethod, error: errorText(result) });
  },
};

import { fail, redirect } from '@sveltejs/kit';
import { cartLines } from '$lib/cart';
import { mutate, query, queryOrFailure } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { QuoteFields, ShippingRuleFields } from '$lib/graphql/quote';
import { errorText, productName } from '$lib/labels';
import { formatMoney } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { isPaymentMethod } from '$lib/payment-method';
import { restrictedMethodText, restrictionText } from '$lib/payment-restriction';
import { checkoutKey, clearCart, readCart } from '$lib/server/cart-cookie';
import type { Actions, PageServerLoad } from './$types';

const Checkout = graphql(
  `
  query Checkout($lines: [CheckoutLineInput!]!) {
    checkoutQuote(lines: $lines) {
      __typename
      ... on CheckoutQuote {
        ...QuoteFields
        paymentRestrictions {
          product { id name nameEn allowedPaymentMethods }
        }
      }
    }
    checkoutPaymentMethods(lines: $lines) { method description fee { amount } }
    shopSettings { ...ShippingRuleFields }
  }
`,
  [QuoteFields, ShippingRuleFields],
);

/** The totals as they would be with a method that has a fee (cash on delivery, say). */
const QuoteWithFee = graphql(
  `
  query CheckoutQuoteWithFee($lines: [CheckoutLineInput!]!, $paymentMethod: PaymentMethod!) {
    checkoutQuote(lines: $lines, paymentMethod: $paymentMethod) {
      __typename
      ... on CheckoutQuote { ...QuoteFields }
    }
  }
`,
  [QuoteFields],
);

const StartCheckout = graphql(`
  mutation StartCheckout($input: StartCheckoutInput!) {
    startCheckout(input: $input) {
      __typename
      ... on StartCheckoutPayload {
        redirectUrl
        order { id number }
      }
      ... on InsufficientStockError { productId available }
      ... on CheckoutTotalChangedError { total { amount currency } }
      ... on PayPalError { buyerMessageJa buyerMessageEn }
      ... on PaymentMethodNotAllowedError {
        method
        restrictedProducts { id name nameEn }
      }
      ... on Error { code message }
    }
  }
`);

const ProductName = graphql(`
  query ProductName($id: ID!) {
    product(id: $id) { id name nameEn }
  }
`);

export const load: PageServerLoad = async (event) => {
  const lines = cartLines(readCart(event));
  if (lines.length === 0) redirect(303, '/cart');

  // The cart page explains a cart that cannot be priced; this page only shows one that can.
  const { data } = await queryOrFailure(event, Checkout, { lines });
  if (data?.checkoutQuote.__typename !== 'CheckoutQuote') redirect(303, '/cart');
  checkoutKey(event);
  const withFees = await Promise.all(
    data.checkoutPaymentMethods
      .filter(({ fee }) => fee.amount > 0)
      .map(async ({ method }) => {
        const { checkoutQuote } = await query(event, QuoteWithFee, {
          lines,
          paymentMethod: method,
        });

        return checkoutQuote.__typename === 'CheckoutQuote'
          ? [[method, checkoutQuote] as const]
          : [];
      }),
  );

  return {
    quote: data.checkoutQuote,
    /** The totals for each method whose fee changes them; the others pay `quote`. */
    quotesByMethod: Object.fromEntries(withFees.flat()),
    restrictions: data.checkoutQuote.paymentRestrictions.map(({ product }) => ({
      id: product.id,
      text: restrictionText(product, getLocale()),
    })),
    paymentMethods: data.checkoutPaymentMethods,
    shippingRule: data.shopSettings,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const paymentMethod = form.get('paymentMethod');
    if (!isPaymentMethod(paymentMethod)) {
      return fail(400, { paymentMethod: null, error: m.choose_payment_method() });
    }
    const lines = cartLines(readCart(event));
    if (lines.length === 0) redirect(303, '/cart');
    const key = checkoutKey(event);
    const confirmed = Number(form.get('expectedTotal'));
    const expectedTotal = Number.isSafeInteger(confirmed) && confirmed >= 0 ? confirmed : null;

    const { startCheckout: result } = await mutate(event, StartCheckout, {
      input: { lines, paymentMethod, checkoutKey: key, expectedTotal },
    });

    if (result.__typename === 'StartCheckoutPayload') {
      if (result.redirectUrl) redirect(303, result.redirectUrl);
      clearCart(event);

      redirect(303, `/orders/${encodeURIComponent(result.order.number)}?placed=1`);
    }
    if (result.__typename === 'PayPalError') {
      const error = getLocale() === 'en' ? result.buyerMessageEn : result.buyerMessageJa;

      return fail(502, { paymentMethod, error });
    }
    if (result.__typename === 'CheckoutTotalChangedError') {
      // The page loads again with the cart as it is now; the buyer confirms the new total.
      return fail(409, {
        paymentMethod,
        error: m.checkout_total_changed({ total: formatMoney(result.total) }),
      });
    }
    if (result.__typename === 'InsufficientStockError') {
      const { product } = await query(event, ProductName, { id: result.productId });
      const name = product ? productName(product, getLocale()) : result.productId;

      return fail(409, {
        paymentMethod,
        error: m.insufficient_stock({ product: name, available: result.available }),
      });
    }

    if (result.__typename === 'PaymentMethodNotAllowedError' && result.restrictedProducts.length) {
      const error = restrictedMethodText(result.method, result.restrictedProducts, getLocale());

      return fail(400, { paymentMethod: null, error });
    }

    return fail(400, { paymentMethod, error: errorText(result) });
  },
};

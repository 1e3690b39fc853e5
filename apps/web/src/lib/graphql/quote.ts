import { graphql } from '$lib/graphql/graphql';

export const QuoteFields = graphql(`
  fragment QuoteFields on CheckoutQuote {
    lines {
      quantity
      amount { amount currency }
      product {
        id
        sku
        name
        nameEn
        price { amount currency }
        taxRate
        stock
      }
    }
    subtotal { amount currency }
    tax { amount currency }
    shipping { amount currency }
    paymentFee { amount currency }
    total { amount currency }
    taxBreakdown {
      rate
      taxableAmount { amount currency }
      tax { amount currency }
    }
  }
`);

/** What a buyer needs to know about shipping before ordering: the fee and when it is free. */
export const ShippingRuleFields = graphql(`
  fragment ShippingRuleFields on ShopSettings {
    shippingFee { amount currency }
    freeShippingFrom { amount currency }
  }
`);

export const CheckoutQuoteQuery = graphql(
  `
  query CheckoutQuote($lines: [CheckoutLineInput!]!) {
    checkoutQuote(lines: $lines) {
      __typename
      ... on CheckoutQuote { ...QuoteFields }
      ... on ValidationError { code message }
    }
    shopSettings { ...ShippingRuleFields }
  }
`,
  [QuoteFields, ShippingRuleFields],
);

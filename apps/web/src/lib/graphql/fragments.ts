import { graphql, type ResultOf } from '$lib/graphql/graphql';

export const TotalsFields = graphql(`
  fragment TotalsFields on Order {
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

export const OrderLineFields = graphql(`
  fragment OrderLineFields on OrderLine {
    id
    sku
    productName
    productNameEn
    unitPrice { amount currency }
    quantity
    taxRate
    amount { amount currency }
  }
`);

export const OrderSummaryFields = graphql(
  `
  fragment OrderSummaryFields on Order {
    id
    number
    status
    paymentStatus
    paymentMethod
    createdAt
    lines { ...OrderLineFields }
    ...TotalsFields
  }
`,
  [OrderLineFields, TotalsFields],
);

export type Totals = ResultOf<typeof TotalsFields>;
export type OrderLine = ResultOf<typeof OrderLineFields>;
export type OrderSummary = ResultOf<typeof OrderSummaryFields>;

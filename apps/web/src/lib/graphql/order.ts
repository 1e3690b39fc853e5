import { OrderSummaryFields } from '$lib/graphql/fragments';
import { graphql } from '$lib/graphql/graphql';

export const OrderByNumber = graphql(
  `
  query OrderByNumber($number: String!) {
    order(number: $number) { ...OrderSummaryFields }
  }
`,
  [OrderSummaryFields],
);

import { graphql } from '$lib/graphql/graphql';

export const ProductFields = graphql(`
  fragment ProductFields on Product {
    id
    sku
    name
    nameEn
    price { amount currency }
    taxRate
    stock
    active
    allowedPaymentMethods
  }
`);

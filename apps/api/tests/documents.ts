export const productsQuery = /* GraphQL */ `
  query { products(first: 50) { edges { node { id sku name price { amount } taxRate stock } } } }
`;

export const startCheckoutMutation = /* GraphQL */ `
  mutation ($input: StartCheckoutInput!) {
    startCheckout(input: $input) {
      __typename
      ... on StartCheckoutPayload {
        redirectUrl
        order { id number status paymentStatus paymentMethod subtotal { amount } tax { amount } total { amount } }
      }
      ... on Error { code message }
      ... on PaymentMethodNotAllowedError { method }
      ... on InsufficientStockError { productId available }
      ... on PayPalError { paypalCode buyerMessageJa buyerMessageEn retryUrl }
    }
  }
`;

export const completeReturnMutation = /* GraphQL */ `
  mutation ($input: CompletePayPalReturnInput!) {
    completePayPalReturn(input: $input) {
      __typename
      ... on CompletePayPalReturnPayload {
        order {
          number status paymentStatus total { amount }
          paypal { token payerId transactionId payerEmail }
        }
      }
      ... on Error { code message }
      ... on PayPalError { paypalCode buyerMessageJa retryUrl }
    }
  }
`;

export const cancelReturnMutation = /* GraphQL */ `
  mutation ($input: CancelPayPalReturnInput!) {
    cancelPayPalReturn(input: $input) {
      __typename
      ... on CancelPayPalReturnPayload { order { number status paymentStatus } }
      ... on Error { code }
    }
  }
`;

export const orderByNumberQuery = /* GraphQL */ `
  query ($number: String!) {
    order(number: $number) {
      number status paymentStatus paymentMethod
      member { companyName }
      lines { productName sku unitPrice { amount } quantity taxRate amount { amount } }
      subtotal { amount } tax { amount } shipping { amount } total { amount }
      taxBreakdown { rate taxableAmount { amount } tax { amount } }
      paypal { token transactionId }
    }
  }
`;

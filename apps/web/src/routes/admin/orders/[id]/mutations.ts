import { graphql } from '$lib/graphql/graphql';

// What the order page's actions send. Their typed errors carry what the page needs to say why:
// the statuses of an illegal change, PayPal's own error code.

export const UpdateOrderStatus = graphql(`
  mutation UpdateOrderStatus($input: UpdateOrderStatusInput!) {
    updateOrderStatus(input: $input) {
      __typename
      ... on UpdateOrderStatusPayload { order { id status } }
      ... on IllegalStatusChangeError { from to }
      ... on Error { code message }
    }
  }
`);

export const CancelOrder = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on CancelOrderPayload { order { id status paymentStatus } }
      ... on IllegalStatusChangeError { from to }
      ... on PayPalError { paypalCode merchantMessageJa merchantMessageEn }
      ... on Error { code message }
    }
  }
`);

export const CapturePayment = graphql(`
  mutation CapturePayment($orderId: ID!) {
    capturePayment(orderId: $orderId) {
      __typename
      ... on CapturePaymentPayload { order { id paymentStatus } }
      ... on PayPalError { paypalCode merchantMessageJa merchantMessageEn }
      ... on Error { code message }
    }
  }
`);

export const RefundOrder = graphql(`
  mutation RefundOrder($input: RefundOrderInput!) {
    refundOrder(input: $input) {
      __typename
      ... on RefundOrderPayload { order { id paymentStatus } }
      ... on PayPalError { paypalCode merchantMessageJa merchantMessageEn }
      ... on Error { code message }
    }
  }
`);

export const RefreshOrderFromPayPal = graphql(`
  mutation RefreshOrderFromPayPal($orderId: ID!) {
    refreshOrderFromPayPal(orderId: $orderId) {
      __typename
      ... on RefreshOrderFromPayPalPayload { findings order { id } }
      ... on PayPalError { paypalCode merchantMessageJa merchantMessageEn }
      ... on Error { code message }
    }
  }
`);

export const SendPaymentReminder = graphql(`
  mutation SendPaymentReminder($orderId: ID!) {
    sendPaymentReminder(orderId: $orderId) {
      __typename
      ... on SendPaymentReminderPayload { order { id member { email } } }
      ... on Error { code message }
    }
  }
`);

import type { NvpPaymentRequest } from '@wholesale/paypal/nvp';

interface OrderForPayPal {
  number: number;
  currency: string;
  subtotal: number;
  tax: number;
  shipping: number;
  total: number;
  lines: { productName: string; sku: string; unitPrice: number; quantity: number }[];
}

/**
 * The order as PayPal sees it: the same integers the order stores, line by line. An
 * authorization holds the money for a later capture instead of taking it.
 */
export function paymentRequestFor(
  order: OrderForPayPal,
  { authorizeOnly = false }: { authorizeOnly?: boolean } = {},
): NvpPaymentRequest {
  return {
    ...(authorizeOnly ? { paymentAction: 'Authorization' as const } : {}),
    currency: order.currency,
    itemTotal: order.subtotal,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    invoiceId: String(order.number),
    lines: order.lines.map((line) => ({
      name: line.productName,
      sku: line.sku,
      unitAmount: line.unitPrice,
      quantity: line.quantity,
    })),
  };
}

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

/** The order as PayPal sees it: the same integers the order stores, line by line. */
export function paymentRequestFor(order: OrderForPayPal): NvpPaymentRequest {
  return {
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

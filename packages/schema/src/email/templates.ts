import type { OrderStatus, PaymentMethod } from '@wholesale/db/enums';

interface OrderForEmail {
  number: number;
  paymentMethod: PaymentMethod;
  subtotal: number;
  tax: number;
  shipping: number;
  total: number;
  lines: { productName: string; sku: string; quantity: number; amount: number }[];
  member: { companyName: string; contactName: string };
}

const methodNames: Record<PaymentMethod, string> = {
  PAYPAL: 'PayPal',
  BANK_TRANSFER: '銀行振込 / Bank transfer',
  CASH_ON_DELIVERY: '代金引換 / Cash on delivery',
  INVOICE: '掛け払い / Invoice',
};

const yen = (amount: number) => `¥${amount.toLocaleString('ja-JP')}`;

/** 受注受付メール: sent once, when an order is received (for PayPal, once it is paid). */
export function orderReceivedEmail(order: OrderForEmail, storefrontUrl: string) {
  const lines = order.lines.map(
    (line) => `  ${line.productName} (${line.sku}) × ${line.quantity}  ${yen(line.amount)}`,
  );

  return {
    subject: `【ご注文受付】ご注文番号 ${order.number} / Order ${order.number} received`,
    text: [
      `${order.member.companyName} ${order.member.contactName} 様`,
      '',
      'ご注文ありがとうございます。以下の内容でご注文を承りました。',
      'Thank you for your order. We have received it as follows.',
      '',
      `ご注文番号 / Order number: ${order.number}`,
      `お支払い方法 / Payment method: ${methodNames[order.paymentMethod]}`,
      '',
      ...lines,
      '',
      `小計 / Subtotal: ${yen(order.subtotal)}`,
      `消費税 / Tax: ${yen(order.tax)}`,
      `送料 / Shipping: ${yen(order.shipping)}`,
      `合計 / Total: ${yen(order.total)}`,
      '',
      `ご注文履歴 / Order history: ${storefrontUrl}/orders/${order.number}`,
    ].join('\n'),
  };
}

export const orderStatusLabels: Record<OrderStatus, { ja: string; en: string }> = {
  NEW: { ja: '新規注文', en: 'New order' },
  PAYMENT_INCOMPLETE: { ja: '送信未完', en: 'Payment incomplete' },
  PROCESSING: { ja: '処理中', en: 'Processing' },
  ON_HOLD: { ja: '保留', en: 'On hold' },
  SHIPPED: { ja: '発送済み', en: 'Shipped' },
  COMPLETED: { ja: '完了', en: 'Completed' },
  CANCELLED: { ja: 'キャンセル', en: 'Cancelled' },
};

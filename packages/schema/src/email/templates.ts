import type { PaymentMethod } from '@wholesale/db/enums';
import type { TaxBreakdownEntry } from '../money/totals.ts';

interface OrderForEmail {
  number: number;
  paymentMethod: PaymentMethod;
  subtotal: number;
  tax: number;
  /** [{ rate, taxableAmount, tax }], as the order stores it. */
  taxBreakdown: unknown;
  shipping: number;
  paymentFee?: number;
  total: number;
  lines: { productName: string; sku: string; quantity: number; amount: number; taxRate: number }[];
  member: { companyName: string; contactName: string };
}

/** 10%対象 ¥5,940 消費税 ¥594: the qualified-invoice lines of tax per rate. */
function taxLines(order: OrderForEmail): string[] {
  const breakdown = order.taxBreakdown as TaxBreakdownEntry[];

  return breakdown.map(
    (entry) =>
      `  ${entry.rate}%対象 / ${entry.rate}% taxable: ${yen(entry.taxableAmount)}  消費税 / tax: ${yen(entry.tax)}`,
  );
}

const methodNames: Record<PaymentMethod, string> = {
  PAYPAL: 'PayPal',
  BANK_TRANSFER: '銀行振込 / Bank transfer',
  CASH_ON_DELIVERY: '代金引換 / Cash on delivery',
  INVOICE: '掛け払い / Invoice',
};

const yen = (amount: number) => `¥${amount.toLocaleString('ja-JP')}`;

/**
 * 受注受付メール: sent once, when an order is received (for PayPal, once it is paid). For a
 * method paid later (bank transfer, say) the merchant's description, with the account to pay
 * into, is part of the email.
 */
export function orderReceivedEmail(
  order: OrderForEmail,
  storefrontUrl: string,
  paymentInstructions?: string | null,
) {
  const lines = order.lines.map(
    (line) =>
      `  ${line.productName} (${line.sku}) × ${line.quantity}  ${yen(line.amount)}${line.taxRate === 8 ? ' ※' : ''}`,
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
      ...(order.lines.some((line) => line.taxRate === 8)
        ? ['  ※ 軽減税率(8%)対象 / reduced rate (8%)']
        : []),
      '',
      `小計 / Subtotal: ${yen(order.subtotal)}`,
      `消費税 / Tax: ${yen(order.tax)}`,
      ...taxLines(order),
      `送料 / Shipping: ${yen(order.shipping)}`,
      ...(order.paymentFee ? [`決済手数料 / Payment fee: ${yen(order.paymentFee)}`] : []),
      `合計 / Total: ${yen(order.total)}`,
      '',
      ...(paymentInstructions ? ['お支払いについて / How to pay:', paymentInstructions, ''] : []),
      `ご注文履歴 / Order history: ${storefrontUrl}/orders/${order.number}`,
    ].join('\n'),
  };
}

interface UnpaidOrderForEmail {
  number: number;
  total: number;
  member: { companyName: string; contactName: string };
}

/** お支払いのお願い: the merchant reminds a buyer of a 送信未完 order. */
export function paymentReminderEmail(order: UnpaidOrderForEmail, storefrontUrl: string) {
  return {
    subject: `【お支払いのお願い】ご注文番号 ${order.number} / Payment for order ${order.number}`,
    text: [
      `${order.member.companyName} ${order.member.contactName} 様`,
      '',
      `ご注文番号 ${order.number} (合計 ${yen(order.total)}) のお支払いがまだ完了していません。`,
      '下記のページからお支払いをお願いいたします。',
      `Order ${order.number} (total ${yen(order.total)}) has not been paid yet. Please pay here:`,
      '',
      `${storefrontUrl}/orders/${order.number}`,
    ].join('\n'),
  };
}

/** Unpaid orders that expire are cancelled and the buyer is told. */
export function orderExpiredEmail(
  order: UnpaidOrderForEmail,
  storefrontUrl: string,
  hours: number,
) {
  return {
    subject: `【ご注文キャンセル】ご注文番号 ${order.number} / Order ${order.number} cancelled`,
    text: [
      `${order.member.companyName} ${order.member.contactName} 様`,
      '',
      `ご注文番号 ${order.number} は、ご注文から${hours}時間以内にお支払いが確認できなかったため、`,
      'キャンセルいたしました。ご入用の際は、あらためてご注文ください。',
      `Order ${order.number} was not paid within ${hours} hours of ordering and has been cancelled.`,
      'Please order again if you still need the products.',
      '',
      `${storefrontUrl}/products`,
    ].join('\n'),
  };
}

/** 返金のお知らせ: money given back at PayPal. */
export function refundNoticeEmail(
  order: UnpaidOrderForEmail,
  refund: { amount: number; remaining: number },
) {
  return {
    subject: `【返金のお知らせ】ご注文番号 ${order.number} / Refund for order ${order.number}`,
    text: [
      `${order.member.companyName} ${order.member.contactName} 様`,
      '',
      `ご注文番号 ${order.number} について、PayPalにて ${yen(refund.amount)} を返金いたしました。`,
      `返金後のお支払い額: ${yen(refund.remaining)}`,
      `We have refunded ${yen(refund.amount)} for order ${order.number} through PayPal.`,
      `Amount paid after the refund: ${yen(refund.remaining)}`,
      '',
      'PayPalでの返金の反映には数日かかる場合があります。',
      'A refund can take a few days to appear in your PayPal account.',
    ].join('\n'),
  };
}

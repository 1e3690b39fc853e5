import { MERCHANT_ERRORS } from './error-table.ts';

/**
 * What the product should do about a PayPal error:
 * - `credentials`: the API username, password or signature is wrong or lacks permission.
 * - `expired`: the checkout token is no longer usable; start a new checkout.
 * - `fundingDeclined`: send the buyer back to PayPal with the same token to pick another source.
 * - `fundingUnavailable`: PayPal cannot take this payment; offer another payment method.
 * - `alreadyCompleted`: the token was already paid; look the payment up instead of paying again.
 * - `duplicateInvoice`: a payment already exists for this order number.
 * - `invalidRequest`: the request itself is wrong; a bug or a refused refund/void.
 * - `temporary`: PayPal failed internally; retrying later may work.
 * - `unknown`: a code this table does not know.
 */
export type PayPalErrorCategory =
  | 'credentials'
  | 'expired'
  | 'fundingDeclined'
  | 'fundingUnavailable'
  | 'alreadyCompleted'
  | 'duplicateInvoice'
  | 'invalidRequest'
  | 'temporary'
  | 'unknown';

export interface LocalizedText {
  ja: string;
  en: string;
}

export interface PayPalErrorDescription {
  code: string;
  category: PayPalErrorCategory;
  /** Safe to show a buyer: polite, and free of PayPal internals. */
  buyerMessage: LocalizedText;
  /** For staff: what happened and what to check. */
  merchantMessage: LocalizedText;
}

const BUYER_MESSAGES: Record<PayPalErrorCategory, LocalizedText> = {
  credentials: {
    ja: '現在PayPalでのお支払いをご利用いただけません。お手数ですが、しばらくしてから再度お試しいただくか、ショップまでお問い合わせください。',
    en: 'PayPal payments are not available at the moment. Please try again later or contact the shop.',
  },
  expired: {
    ja: 'PayPalでのお支払い手続きの有効期限が切れました。お手数ですが、もう一度お支払い手続きを行ってください。',
    en: 'Your PayPal session has expired. Please start the payment again.',
  },
  fundingDeclined: {
    ja: '選択されたお支払い方法がご利用いただけませんでした。PayPalに戻り、別のお支払い方法をお選びください。',
    en: 'The selected payment method could not be used. Please return to PayPal and choose another one.',
  },
  fundingUnavailable: {
    ja: 'PayPalでのお支払いを完了できませんでした。恐れ入りますが、別のお支払い方法をご利用ください。',
    en: 'We could not complete the payment with PayPal. Please choose another payment method.',
  },
  alreadyCompleted: {
    ja: 'このご注文のお支払いはすでに完了しています。',
    en: 'This order has already been paid.',
  },
  duplicateInvoice: {
    ja: 'このご注文はすでにお支払い済みの可能性があります。ご注文履歴をご確認ください。',
    en: 'This order may already have been paid. Please check your order history.',
  },
  invalidRequest: {
    ja: 'お支払い手続きを完了できませんでした。お手数ですが、ショップまでお問い合わせください。',
    en: 'We could not process your payment. Please contact the shop.',
  },
  temporary: {
    ja: 'PayPalとの通信で一時的な問題が発生しました。しばらくしてから、もう一度お試しください。',
    en: 'A temporary problem occurred while contacting PayPal. Please try again in a moment.',
  },
  unknown: {
    ja: 'お支払いを完了できませんでした。お手数ですが、もう一度お試しいただくか、ショップまでお問い合わせください。',
    en: 'We could not complete the payment. Please try again or contact the shop.',
  },
};

export function describePayPalError(code: string): PayPalErrorDescription {
  const known = MERCHANT_ERRORS[code.trim()];
  if (known === undefined) {
    return {
      code,
      category: 'unknown',
      buyerMessage: BUYER_MESSAGES.unknown,
      merchantMessage: {
        ja: `PayPalが想定外のエラー(コード ${code})を返しました。PayPalの管理画面で取引を確認してください。`,
        en: `PayPal returned an unexpected error (code ${code}). Check the transaction in the PayPal account.`,
      },
    };
  }

  return {
    code,
    category: known.category,
    buyerMessage: BUYER_MESSAGES[known.category],
    merchantMessage: { ja: known.ja, en: known.en },
  };
}

import type { PayPalErrorCategory } from './errors.ts';

export interface MerchantErrorEntry {
  category: PayPalErrorCategory;
  ja: string;
  en: string;
}

const CHECK_REQUEST = {
  ja: '送信した金額や項目を確認してください。',
  en: 'Check the amounts and fields that were sent.',
};

function invalid(ja: string, en: string): MerchantErrorEntry {
  return {
    category: 'invalidRequest',
    ja: `${ja}${CHECK_REQUEST.ja}`,
    en: `${en} ${CHECK_REQUEST.en}`,
  };
}

function refundRefused(ja: string, en: string): MerchantErrorEntry {
  return { category: 'invalidRequest', ja, en };
}

/** PayPal NVP error codes the product meets, with what they mean for the merchant. */
export const MERCHANT_ERRORS: Readonly<Record<string, MerchantErrorEntry>> = {
  '10001': {
    category: 'temporary',
    ja: 'PayPal内部でエラーが発生しました。結果が不明な場合は取引を照会してから再試行してください。',
    en: 'PayPal had an internal error. If the outcome is unclear, look the transaction up before retrying.',
  },
  '10002': {
    category: 'credentials',
    ja: 'PayPalがAPI認証情報(APIユーザー名・パスワード・署名)を受け付けませんでした。決済設定と、サンドボックス/本番の切り替えを確認してください。',
    en: 'PayPal rejected the API credentials (username, password, signature). Check the payment settings and the sandbox/live switch.',
  },
  '10003': invalid('必須の項目が送信されていません。', 'A required field is missing.'),
  '10004': invalid(
    'PayPalが送信内容の一部を不正と判断しました。',
    'PayPal found an invalid argument.',
  ),
  '10007': {
    category: 'credentials',
    ja: 'このAPI認証情報には、この操作を行う権限がありません。PayPalアカウントのAPI権限を確認してください。',
    en: 'These API credentials are not permitted to make this call. Check the API permissions of the PayPal account.',
  },
  '10009': refundRefused(
    'PayPalが返金を拒否しました(返金可能な残額を超えている、全額返金済み、または返金できない取引です)。',
    'PayPal refused the refund (more than the remaining amount, already fully refunded, or not refundable).',
  ),
  '10014': {
    category: 'temporary',
    ja: 'PayPal APIの呼び出し回数の上限に達しました。しばらく待ってから再試行してください。',
    en: 'The PayPal API rate limit was reached. Retry after a while.',
  },
  '10400': invalid('注文合計金額が送信されていません。', 'The order total is missing.'),
  '10401': invalid(
    '注文合計金額が不正です(円に小数点は使えません)。',
    'The order total is invalid (JPY takes no decimals).',
  ),
  '10404': invalid('戻り先URL(RETURNURL)が送信されていません。', 'The return URL is missing.'),
  '10405': invalid(
    'キャンセル時のURL(CANCELURL)が送信されていません。',
    'The cancel URL is missing.',
  ),
  '10406': invalid(
    'PayerIDがこの決済のものではありません。',
    'The PayerID does not belong to this checkout.',
  ),
  '10408': invalid('決済トークンが送信されていません。', 'The checkout token is missing.'),
  '10409': {
    category: 'invalidRequest',
    ja: 'この決済トークンは別のPayPalアカウントで発行されたものです。決済設定のAPI認証情報が途中で変更されていないか確認してください。',
    en: 'This checkout token was issued to another PayPal account. Check whether the API credentials changed mid-checkout.',
  },
  '10410': {
    category: 'expired',
    ja: '決済トークンが無効です。購入者に、もう一度お支払い手続きを行うよう依頼してください。',
    en: 'The checkout token is not valid. Ask the buyer to start the payment again.',
  },
  '10411': {
    category: 'expired',
    ja: 'PayPalの決済セッションの有効期限(3時間)が切れました。購入者に再度お支払い手続きを依頼してください。',
    en: 'The PayPal checkout session expired (after 3 hours). Ask the buyer to pay again.',
  },
  '10412': {
    category: 'duplicateInvoice',
    ja: 'この注文番号(INVNUM)ではすでにPayPalで支払いが行われています。二重決済を避けるため、PayPalで取引を確認してください。',
    en: 'A payment already exists at PayPal for this order number (INVNUM). Check the PayPal account before charging again.',
  },
  '10413': invalid(
    '商品合計・送料・税額の合計が注文合計と一致しません。',
    'The item total, shipping and tax do not add up to the order total.',
  ),
  '10414': invalid(
    '金額が1回の取引の上限を超えています。',
    'The amount exceeds the maximum for one transaction.',
  ),
  '10415': {
    category: 'alreadyCompleted',
    ja: 'このトークンでの支払いはすでに完了しています。取引を照会して注文に反映してください。',
    en: 'A payment was already completed with this token. Look the transaction up and record it on the order.',
  },
  '10416': {
    category: 'expired',
    ja: 'このトークンでの支払い試行回数が上限に達しました。購入者に最初からお支払い手続きを依頼してください。',
    en: 'The maximum number of payment attempts for this token was reached. Ask the buyer to start over.',
  },
  '10417': {
    category: 'fundingUnavailable',
    ja: '購入者の支払い方法ではこの取引を完了できませんでした。別の決済方法を案内してください。',
    en: "The buyer's funding could not complete this payment. Offer another payment method.",
  },
  '10418': invalid(
    'カート内の通貨が統一されていません。',
    'The cart amounts use different currencies.',
  ),
  '10419': invalid('PayerIDが送信されていません。', 'The PayerID is missing.'),
  '10420': invalid(
    '支払いアクション(PAYMENTACTION)が不正です。',
    'The payment action is missing or invalid.',
  ),
  '10421': invalid(
    'この決済セッションは別の購入者のものです。',
    'This checkout belongs to a different buyer.',
  ),
  '10422': {
    category: 'fundingDeclined',
    ja: '購入者が選んだ支払い方法が使えませんでした。同じトークンでPayPalに戻し、別の支払い方法を選んでもらってください。',
    en: 'The funding source the buyer chose failed. Send the buyer back to PayPal with the same token to choose another.',
  },
  '10424': {
    category: 'fundingDeclined',
    ja: '配送先住所が不正です。同じトークンでPayPalに戻し、確認してもらってください。',
    en: 'The shipping address is invalid. Send the buyer back to PayPal with the same token to review it.',
  },
  '10426': invalid('商品合計金額(ITEMAMT)が不正です。', 'The item total (ITEMAMT) is invalid.'),
  '10427': invalid(
    '送料(SHIPPINGAMT)が不正です。',
    'The shipping amount (SHIPPINGAMT) is invalid.',
  ),
  '10428': invalid(
    '手数料(HANDLINGAMT)が不正です。',
    'The handling amount (HANDLINGAMT) is invalid.',
  ),
  '10429': invalid('税額(TAXAMT)が不正です。', 'The tax amount (TAXAMT) is invalid.'),
  '10430': invalid('商品の単価が送信されていません。', 'An item amount is missing.'),
  '10431': invalid(
    '商品の単価が不正です(円に小数点は使えません)。',
    'An item amount is invalid (JPY takes no decimals).',
  ),
  '10432': invalid('注文番号(INVNUM)が長すぎます。', 'The order number (INVNUM) is too long.'),
  '10444': invalid(
    '通貨がSetExpressCheckoutで指定したものと異なります。',
    'The currency differs from the one given to SetExpressCheckout.',
  ),
  '10445': {
    category: 'temporary',
    ja: 'PayPalが現在この取引を処理できません。しばらくしてから再試行してください。',
    en: 'PayPal cannot process this transaction right now. Retry later.',
  },
  '10474': {
    category: 'fundingUnavailable',
    ja: '配送先の国が購入者のPayPalアカウントの居住国と一致しません。別の決済方法を案内してください。',
    en: "The shipping country does not match the buyer's PayPal country. Offer another payment method.",
  },
  '10485': {
    category: 'fundingDeclined',
    ja: '購入者がまだPayPalで支払いを承認していません。同じトークンでPayPalに戻してください。',
    en: 'The buyer has not approved the payment at PayPal yet. Send them back to PayPal with the same token.',
  },
  '10486': {
    category: 'fundingDeclined',
    ja: '購入者の支払い方法が拒否されました。同じトークンでPayPalに戻し、別の支払い方法を選んでもらってください。',
    en: "The buyer's funding source was declined. Send the buyer back to PayPal with the same token to choose another.",
  },
  '10525': invalid('請求金額が0円です。', 'The amount to charge is zero.'),
  '10537': {
    category: 'fundingUnavailable',
    ja: 'PayPalアカウントのリスク管理設定(国フィルター)により取引が拒否されました。',
    en: "The payment was refused by the PayPal account's country risk filter.",
  },
  '10538': {
    category: 'fundingUnavailable',
    ja: 'PayPalアカウントのリスク管理設定(上限金額)により取引が拒否されました。',
    en: "The payment was refused by the PayPal account's maximum amount risk setting.",
  },
  '10539': {
    category: 'fundingUnavailable',
    ja: 'PayPalのリスクモデルにより取引が拒否されました。',
    en: "The payment was refused by PayPal's risk model.",
  },
  '10600': refundRefused(
    'このオーソリはすでに取り消されています。',
    'This authorization is already voided.',
  ),
  '10601': refundRefused('このオーソリは有効期限切れです。', 'This authorization has expired.'),
  '10602': refundRefused(
    'このオーソリはすでに売上確定済みです。取り消しではなく返金してください。',
    'This authorization was already captured. Refund it instead of voiding it.',
  ),
  '10605': invalid('この通貨はサポートされていません。', 'The currency is not supported.'),
  '10606': {
    category: 'fundingUnavailable',
    ja: '購入者のカードが拒否されました。別の決済方法で代金を受け取ってください。',
    en: "The buyer's card was declined. Collect the payment with another method.",
  },
  '10609': refundRefused(
    '取引IDが不正か、取り消しできる取引ではありません。',
    'The transaction id is invalid or cannot be voided.',
  ),
  '10610': refundRefused(
    '売上確定の金額がオーソリの金額を超えています。',
    'The capture amount exceeds the authorized amount.',
  ),
  '10628': {
    category: 'temporary',
    ja: 'PayPalが現在この取引を処理できません。しばらくしてから再試行してください。',
    en: 'PayPal cannot process this transaction right now. Retry later.',
  },
  '11607': {
    category: 'alreadyCompleted',
    ja: '同じリクエスト(MSGSUBID)はすでに処理済みです。最初の結果が返されています。',
    en: 'The same request (MSGSUBID) was already processed; PayPal returned the original result.',
  },
  '13113': {
    category: 'fundingUnavailable',
    ja: '購入者はこの取引をPayPalで支払えません。別の決済方法を案内してください。',
    en: 'The buyer cannot pay for this transaction with PayPal. Offer another payment method.',
  },
  '81002': invalid('存在しないAPIメソッドが指定されました。', 'The API method is not supported.'),
};

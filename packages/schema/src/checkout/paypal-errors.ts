import { describePayPalError } from '@wholesale/paypal/errors';
import type { NvpErrorItem } from '@wholesale/paypal/nvp';
import { PayPalError } from './errors.ts';

/** Turns PayPal's first error into the typed error buyers see. */
export function payPalErrorFrom(
  errors: NvpErrorItem[],
  retryUrl: string | null = null,
): PayPalError {
  const code = errors[0]?.code ?? 'unknown';
  const description = describePayPalError(code);

  return new PayPalError({
    message: description.merchantMessage.en,
    paypalCode: code,
    buyerMessageJa: description.buyerMessage.ja,
    buyerMessageEn: description.buyerMessage.en,
    merchantMessageJa: description.merchantMessage.ja,
    merchantMessageEn: description.merchantMessage.en,
    retryUrl,
  });
}

/** PayPal could not be reached, or did not answer; the outcome of the call is unknown. */
export function payPalUnreachableError(): PayPalError {
  return new PayPalError({
    message: 'PayPal did not answer.',
    paypalCode: null,
    buyerMessageJa:
      'PayPalとの通信で一時的な問題が発生しました。しばらくしてから、もう一度お試しください。',
    buyerMessageEn: 'A temporary problem occurred while contacting PayPal. Please try again.',
    merchantMessageJa:
      'PayPalから応答がありませんでした。結果が不明なため、PayPalから取引を照会して確かめてください。',
    merchantMessageEn:
      'PayPal did not answer. The outcome is unknown: look the transaction up at PayPal.',
  });
}

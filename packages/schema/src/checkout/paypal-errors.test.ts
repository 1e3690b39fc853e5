import { describe, expect, it } from 'vitest';
import { payPalErrorFrom, payPalUnreachableError } from './paypal-errors.ts';

const invalidArgument = {
  code: '10004',
  shortMessage: 'Transaction refused because of an invalid argument.',
  longMessage: 'Transaction refused because of an invalid argument.',
  severity: 'Error',
};

describe('PayPal errors', () => {
  it('carry the merchant message of the code in Japanese and English', () => {
    const error = payPalErrorFrom([invalidArgument]);

    expect(error.paypalCode).toBe('10004');
    expect(error.merchantMessageJa).toBe(
      'PayPalが送信内容の一部を不正と判断しました。送信した金額や項目を確認してください。',
    );
    expect(error.merchantMessageEn).toBe(
      'PayPal found an invalid argument. Check the amounts and fields that were sent.',
    );
  });

  it('tell staff to look the transaction up when PayPal did not answer', () => {
    const error = payPalUnreachableError();

    expect(error.paypalCode).toBeNull();
    expect(error.merchantMessageJa).toContain('PayPalから応答がありませんでした');
    expect(error.merchantMessageEn).toContain('The outcome is unknown');
  });
});

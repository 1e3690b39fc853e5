import { describe, expect, it } from 'vitest';
import { importRowErrorText } from './import-errors';

describe('importRowErrorText', () => {
  it('words each problem of a row in Japanese and English', () => {
    const invalid = { code: 'INVALID_EMAIL', value: null, message: 'Not a valid email address.' };
    const twice = { code: 'DUPLICATE_EMAIL', value: null, message: 'This email appears twice…' };
    const length = { code: 'TEXT_LENGTH', value: null, message: 'Required, at most 200…' };
    const password = { code: 'PASSWORD_LENGTH', value: null, message: 'A new member needs…' };

    expect(importRowErrorText(invalid, 'ja')).toBe('メールアドレスの形式が正しくありません。');
    expect(importRowErrorText(twice, 'ja')).toBe(
      'このメールアドレスはファイル内に2回以上あります。',
    );
    expect(importRowErrorText(length, 'ja')).toBe('必須です。200文字以内で入力してください。');
    expect(importRowErrorText(password, 'ja')).toBe(
      '新しい会員には10〜256文字のパスワードが必要です。',
    );
    expect(importRowErrorText(twice, 'en')).toBe(
      'This email address appears more than once in the file.',
    );
  });

  it('names the payment method at fault', () => {
    const unknown = {
      code: 'UNKNOWN_PAYMENT_METHOD',
      value: 'BITCOIN',
      message: 'Unknown method BITCOIN.',
    };
    const disabled = {
      code: 'PAYMENT_METHOD_NOT_ENABLED',
      value: 'INVOICE',
      message: 'INVOICE is not enabled.',
    };

    expect(importRowErrorText(unknown, 'ja')).toBe(
      '「BITCOIN」という支払方法はありません。PAYPAL、BANK_TRANSFER、CASH_ON_DELIVERY、INVOICE のいずれかを書いてください。',
    );
    expect(importRowErrorText(disabled, 'ja')).toBe('請求書払いは決済設定で有効になっていません。');
    expect(importRowErrorText(disabled, 'en')).toBe(
      'Invoice is not enabled in the payment settings.',
    );
  });

  it("shows the API's words for a code it does not know yet", () => {
    const error = { code: 'SOMETHING_NEW', value: null, message: 'Something new.' };

    expect(importRowErrorText(error, 'ja')).toBe('Something new.');
  });
});

import { describe, expect, it } from 'vitest';
import type { OrderStatus } from './graphql/graphql';
import {
  errorText,
  orderStatusLabel,
  paymentMethodLabel,
  paymentStatusLabel,
  productName,
  secretTail,
  taxRateLabel,
} from './labels';

describe('status labels', () => {
  it('names every order status as the merchant manual does', () => {
    const statuses: OrderStatus[] = [
      'NEW',
      'PAYMENT_INCOMPLETE',
      'PROCESSING',
      'ON_HOLD',
      'SHIPPED',
      'COMPLETED',
      'CANCELLED',
    ];

    expect(statuses.map((status) => orderStatusLabel(status, 'ja'))).toEqual([
      '新規注文',
      '送信未完',
      '処理中',
      '保留',
      '発送済み',
      '完了',
      'キャンセル',
    ]);
  });

  it('has English labels too', () => {
    expect(orderStatusLabel('PAYMENT_INCOMPLETE', 'en')).toBe('Sent incomplete');
    expect(paymentStatusLabel('PAID', 'en')).toBe('Paid');
    expect(paymentMethodLabel('BANK_TRANSFER', 'en')).toBe('Bank transfer');
  });

  it('shows a value the app does not know yet as it is', () => {
    expect(orderStatusLabel('RETURNED' as OrderStatus, 'ja')).toBe('RETURNED');
  });

  it('labels payment statuses and methods in Japanese', () => {
    expect(paymentStatusLabel('UNPAID', 'ja')).toBe('未入金');
    expect(paymentMethodLabel('BANK_TRANSFER', 'ja')).toBe('銀行振込');
  });
});

describe('errorText', () => {
  it('translates a known error code', () => {
    const error = {
      code: 'INVALID_CREDENTIALS',
      message: 'The email address or password is wrong.',
    };

    expect(errorText(error, 'ja')).toBe('メールアドレスまたはパスワードが正しくありません。');
  });

  it('introduces the English message of a validation failure in Japanese', () => {
    const error = { code: 'VALIDATION_FAILED', message: 'The password is too short.' };

    expect(errorText(error, 'ja')).toBe('入力内容を確認してください：The password is too short.');
    expect(errorText(error, 'en')).toBe('The password is too short.');
  });

  it('falls back to the message of the API for other codes', () => {
    expect(errorText({ code: 'SOMETHING_NEW', message: 'Try later.' }, 'ja')).toBe('Try later.');
  });
});

describe('small labels', () => {
  it('marks the 8% rate as the reduced rate', () => {
    expect(taxRateLabel(8, 'ja')).toBe('8%（軽減税率）');
    expect(taxRateLabel(10, 'ja')).toBe('10%');
  });

  it('picks the product name of the locale, falling back to Japanese', () => {
    expect(productName({ name: '静岡 煎茶', nameEn: 'Shizuoka sencha' }, 'en')).toBe(
      'Shizuoka sencha',
    );
    expect(productName({ name: '静岡 煎茶', nameEn: '' }, 'en')).toBe('静岡 煎茶');
    expect(productName({ name: '静岡 煎茶', nameEn: 'Shizuoka sencha' }, 'ja')).toBe('静岡 煎茶');
  });

  it('keeps only the visible characters of a secret hint', () => {
    expect(secretTail('••••1234')).toBe('1234');
    expect(secretTail('1234')).toBe('1234');
  });
});

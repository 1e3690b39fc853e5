import { describe, expect, it } from 'vitest';
import type { OrderStatus } from './graphql/graphql';
import {
  actorTypeLabel,
  auditActionLabel,
  deliveryStatusLabel,
  errorText,
  eventKindLabel,
  joinList,
  joinPair,
  orderStatusLabel,
  paymentMethodLabel,
  paymentStateLabel,
  paymentStatusLabel,
  productName,
  refundStatusLabel,
  secretTail,
  subjectTypeLabel,
  taxRateLabel,
  taxRoundingLabel,
  waitMinutes,
  webhookEventLabel,
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

  it('says why an order cannot be paid again', () => {
    const error = {
      code: 'ORDER_NOT_PAYABLE',
      message: 'This order is not waiting for a payment.',
    };

    expect(errorText(error, 'ja')).toContain('すでにお支払い済みか');
    expect(errorText(error, 'en')).toContain('already paid');
  });

  it('tells a locked-out user in minutes, rounded up, when to try again', () => {
    const error = {
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many failed log-ins.',
      retryAfterSeconds: 601,
    };

    expect(errorText(error, 'ja')).toBe(
      'ログインの失敗が続いたため、しばらくログインできません。約11分後にお試しください。',
    );
    expect(errorText(error, 'en')).toBe('Too many failed log-ins. Try again in about 11 min.');
    expect(waitMinutes(5)).toBe(1);
    expect(waitMinutes(900)).toBe(15);
  });

  it('says why a CSV file cannot be imported at all', () => {
    const unreadable = { code: 'CSV_UNREADABLE', message: 'The file is not valid CSV: Quote…' };
    const tooLong = { code: 'CSV_TOO_MANY_ROWS', message: 'At most 5000 rows at once.' };

    expect(errorText(unreadable, 'ja')).toBe(
      'CSVファイルとして読み込めませんでした。列の数と引用符（"）を確認してください。',
    );
    expect(errorText(tooLong, 'ja')).toBe(
      '一度に取り込めるのは5,000行までです。ファイルを分けてください。',
    );
    expect(errorText(tooLong, 'en')).toBe('At most 5,000 rows at once. Split the file.');
  });

  it('falls back to the message of the API for other codes', () => {
    expect(errorText({ code: 'SOMETHING_NEW', message: 'Try later.' }, 'ja')).toBe('Try later.');
  });
});

describe('small labels', () => {
  it('marks the 8% rate as the reduced rate, with the brackets of the language', () => {
    expect(taxRateLabel(8, 'ja')).toBe('8%（軽減税率）');
    expect(taxRateLabel(8, 'en')).toBe('8% (reduced rate)');
    expect(taxRateLabel(10, 'ja')).toBe('10%');
  });

  it('separates the items of a list and a pair as each language does', () => {
    expect(joinList(['銀行振込', '請求書払い'], 'ja')).toBe('銀行振込、請求書払い');
    expect(joinList(['Bank transfer', 'Invoice'], 'en')).toBe('Bank transfer, Invoice');
    expect(joinPair('注文作成', '2026/12/05', 'ja')).toBe('注文作成／2026/12/05');
    expect(joinPair('Order created', '2026/12/05', 'en')).toBe('Order created / 2026/12/05');
  });

  it('picks the product name of the locale, falling back to Japanese', () => {
    expect(productName({ name: '静岡 煎茶', nameEn: 'Shizuoka sencha' }, 'en')).toBe(
      'Shizuoka sencha',
    );
    expect(productName({ name: '静岡 煎茶', nameEn: '' }, 'en')).toBe('静岡 煎茶');
    expect(productName({ name: '静岡 煎茶', nameEn: 'Shizuoka sencha' }, 'ja')).toBe('静岡 煎茶');
  });

  it('names the tax roundings as the merchant knows them', () => {
    expect(taxRoundingLabel('FLOOR', 'ja')).toBe('切り捨て');
    expect(taxRoundingLabel('ROUND', 'ja')).toBe('四捨五入');
    expect(taxRoundingLabel('CEIL', 'ja')).toBe('切り上げ');
    expect(taxRoundingLabel('CEIL', 'en')).toBe('Round up');
  });

  it('names the state of one payment, and shows a state it does not know as it is', () => {
    expect(paymentStateLabel('CANCELLED', 'ja')).toBe('中止');
    expect(paymentStateLabel('COMPLETED', 'en')).toBe('Completed');
    expect(paymentStateLabel('REVERSED', 'ja')).toBe('REVERSED');
  });

  it('keeps only the visible characters of a secret hint', () => {
    expect(secretTail('••••1234')).toBe('1234');
    expect(secretTail('1234')).toBe('1234');
  });
});

describe('history labels', () => {
  it('names who acted, what happened and to what', () => {
    expect(actorTypeLabel('STAFF', 'ja')).toBe('スタッフ');
    expect(actorTypeLabel('PAYPAL', 'en')).toBe('PayPal');
    expect(eventKindLabel('PAYMENT_STATUS', 'ja')).toBe('入金状況');
    expect(auditActionLabel('REFUND_RECORDED', 'ja')).toBe('返金');
    expect(subjectTypeLabel('PaymentMethod', 'en')).toBe('Payment settings');
    expect(refundStatusLabel('FAILED', 'ja')).toBe('失敗');
  });

  it('shows a kind, action or subject the API added later as it is', () => {
    expect(eventKindLabel('SHIPMENT_TRACKED', 'ja')).toBe('SHIPMENT_TRACKED');
    expect(auditActionLabel('PRODUCT_DELETED', 'ja')).toBe('PRODUCT_DELETED');
    expect(subjectTypeLabel('Coupon', 'ja')).toBe('Coupon');
  });
});

describe('webhook labels', () => {
  it('names delivery statuses and events, and shows an unknown event as it is', () => {
    expect(deliveryStatusLabel('FAILED', 'ja')).toBe('失敗');
    expect(webhookEventLabel('order.payment_status_changed', 'en')).toBe('Payment status changed');
    expect(webhookEventLabel('order.shipped', 'ja')).toBe('order.shipped');
  });
});

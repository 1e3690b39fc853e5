import { describe, expect, it } from 'vitest';
import {
  authorizedAtPayPal,
  orderActionErrorText,
  readRefundAmount,
  refundableAtPayPal,
  refundedAmount,
  refundRemaining,
  statusFormChoices,
} from './order-actions';

const yen = (amount: number) => ({ amount, currency: 'JPY' });

describe('refunds of an order', () => {
  const order = {
    total: yen(6402),
    refunds: [
      { amount: yen(1000), status: 'COMPLETED' },
      { amount: yen(500), status: 'FAILED' },
      { amount: yen(300), status: 'REQUESTED' },
      { amount: yen(402), status: 'COMPLETED' },
    ],
  };

  it('counts only the refunds PayPal completed', () => {
    expect(refundedAmount(order)).toEqual(yen(1402));
  });

  it('leaves the total less those refunds to refund', () => {
    expect(refundRemaining(order)).toEqual(yen(5000));
    expect(refundRemaining({ total: yen(6402), refunds: [] })).toEqual(yen(6402));
  });

  it('never leaves less than nothing', () => {
    const over = { total: yen(100), refunds: [{ amount: yen(150), status: 'COMPLETED' }] };

    expect(refundRemaining(over)).toEqual(yen(0));
  });

  it('applies to PayPal orders that are paid or partly refunded only', () => {
    expect(refundableAtPayPal({ paymentMethod: 'PAYPAL', paymentStatus: 'PAID' })).toBe(true);
    expect(
      refundableAtPayPal({ paymentMethod: 'PAYPAL', paymentStatus: 'PARTIALLY_REFUNDED' }),
    ).toBe(true);
    expect(refundableAtPayPal({ paymentMethod: 'PAYPAL', paymentStatus: 'REFUNDED' })).toBe(false);
    expect(refundableAtPayPal({ paymentMethod: 'PAYPAL', paymentStatus: 'UNPAID' })).toBe(false);
    expect(refundableAtPayPal({ paymentMethod: 'BANK_TRANSFER', paymentStatus: 'PAID' })).toBe(
      false,
    );
  });
});

describe('authorizedAtPayPal', () => {
  const order = {
    paymentMethod: 'PAYPAL' as const,
    paymentStatus: 'PENDING' as const,
    payments: [{ status: 'CANCELLED' }, { status: 'AUTHORIZED' }],
  };

  it('is an order whose PayPal money is held as an authorization', () => {
    expect(authorizedAtPayPal(order)).toBe(true);
  });

  it('is not a payment PayPal reviews, nor one captured, nor another method', () => {
    expect(authorizedAtPayPal({ ...order, payments: [{ status: 'PENDING' }] })).toBe(false);
    expect(authorizedAtPayPal({ ...order, paymentStatus: 'PAID' })).toBe(false);
    expect(authorizedAtPayPal({ ...order, paymentMethod: 'BANK_TRANSFER' })).toBe(false);
  });
});

describe('readRefundAmount', () => {
  it('reads an empty amount as all that remains', () => {
    expect(readRefundAmount('  ', 6402)).toEqual({ amount: null, valid: true });
  });

  it('reads whole yen, full-width digits and separators included', () => {
    expect(readRefundAmount('1000', 6402)).toEqual({ amount: 1000, valid: true });
    expect(readRefundAmount('１，０００', 6402)).toEqual({ amount: 1000, valid: true });
    expect(readRefundAmount('6402', 6402)).toEqual({ amount: 6402, valid: true });
  });

  it('refuses nothing, fractions and more than remains', () => {
    expect(readRefundAmount('0', 6402)).toEqual({ valid: false });
    expect(readRefundAmount('10.5', 6402)).toEqual({ valid: false });
    expect(readRefundAmount('6403', 6402)).toEqual({ valid: false });
    expect(readRefundAmount('abc', 6402)).toEqual({ valid: false });
  });
});

describe('statusFormChoices', () => {
  it('leaves cancelling to the cancel form, which asks about PayPal', () => {
    expect(statusFormChoices(['PROCESSING', 'ON_HOLD', 'SHIPPED', 'CANCELLED'])).toEqual([
      'PROCESSING',
      'ON_HOLD',
      'SHIPPED',
    ]);
    expect(statusFormChoices(['CANCELLED'])).toEqual([]);
  });
});

describe('orderActionErrorText', () => {
  it('names both statuses of an illegal change', () => {
    const error = {
      code: 'ILLEGAL_STATUS_CHANGE',
      message: 'An order cannot go from COMPLETED to PROCESSING.',
      from: 'COMPLETED',
      to: 'PROCESSING',
    };

    expect(orderActionErrorText(error, 'ja')).toBe('「完了」から「処理中」には変更できません。');
    expect(orderActionErrorText(error, 'en')).toBe(
      'An order cannot go from “Completed” to “Processing”.',
    );
  });

  it('names payment statuses too', () => {
    const error = { code: 'ILLEGAL_STATUS_CHANGE', message: '', from: 'REFUNDED', to: 'VOIDED' };

    expect(orderActionErrorText(error, 'ja')).toBe(
      '「返金済み」から「取消済み」には変更できません。',
    );
  });

  it("keeps PayPal's code, with what it means for the merchant in the UI's language", () => {
    const error = {
      code: 'PAYPAL_ERROR',
      message: 'PayPal found an invalid argument.',
      paypalCode: '10004',
      merchantMessageJa: 'PayPalが送信内容の一部を不正と判断しました。',
      merchantMessageEn: 'PayPal found an invalid argument.',
    };

    expect(orderActionErrorText(error, 'ja')).toBe(
      'PayPal がエラーを返しました（エラーコード 10004）：PayPalが送信内容の一部を不正と判断しました。',
    );
    expect(orderActionErrorText(error, 'en')).toBe(
      'PayPal refused (error code 10004): PayPal found an invalid argument.',
    );
  });

  it("falls back to the API's message when the merchant messages were not asked for", () => {
    const error = {
      code: 'PAYPAL_ERROR',
      message: 'The refund amount is more than what remains.',
      paypalCode: '10009',
    };

    expect(orderActionErrorText(error, 'ja')).toBe(
      'PayPal がエラーを返しました（エラーコード 10009）：The refund amount is more than what remains.',
    );
  });

  it('says in both languages that no authorization waits for capture or void', () => {
    const error = {
      code: 'AUTHORIZATION_NOT_OPEN',
      message: 'The order has no PayPal authorization waiting for capture now, or is busy.',
    };

    expect(orderActionErrorText(error, 'ja')).toBe(
      'この注文には売上確定・取り消しできるPayPalの与信がありません（処理中の可能性があります）。',
    );
    expect(orderActionErrorText(error, 'en')).toBe(
      'This order has no PayPal authorization to capture or void now (it may be in progress).',
    );
  });

  it('says that PayPal did not answer when there is no code', () => {
    const error = { code: 'PAYPAL_ERROR', message: 'PayPal did not answer.', paypalCode: null };

    expect(orderActionErrorText(error, 'en')).toBe(
      'PayPal did not answer. Use “Refresh from PayPal” to see what happened.',
    );
  });

  it('translates a refund that is not possible', () => {
    const error = { code: 'REFUND_NOT_POSSIBLE', message: 'Only orders paid with PayPal…' };

    expect(orderActionErrorText(error, 'ja')).toBe(
      'この注文には、いま PayPal で返金できる支払いがありません。',
    );
  });
});

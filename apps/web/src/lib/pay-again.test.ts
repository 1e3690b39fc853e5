import { describe, expect, it } from 'vitest';
import { awaitsPayment, payOrderPath } from './pay-again';

describe('awaitsPayment', () => {
  it('is true for a 送信未完 order that is unpaid', () => {
    expect(awaitsPayment({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' })).toBe(true);
  });

  it('is false once a payment is pending or taken, or the order moved on', () => {
    expect(awaitsPayment({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'PENDING' })).toBe(false);
    expect(awaitsPayment({ status: 'NEW', paymentStatus: 'PAID' })).toBe(false);
    expect(awaitsPayment({ status: 'NEW', paymentStatus: 'UNPAID' })).toBe(false);
    expect(awaitsPayment({ status: 'CANCELLED', paymentStatus: 'UNPAID' })).toBe(false);
  });
});

describe('payOrderPath', () => {
  it('leads to the pay page of the order', () => {
    expect(payOrderPath('10042')).toBe('/orders/10042/pay');
  });
});

import { describe, expect, it } from 'vitest';
import { payPalOutcome } from './paypal-outcome';

const paid = { status: 'NEW', paymentStatus: 'PAID', paymentMethod: 'PAYPAL' } as const;

describe('what the buyer back from PayPal is told', () => {
  it('is paid only when the order is paid with PayPal', () => {
    expect(payPalOutcome(paid)).toBe('paid');
    expect(payPalOutcome({ ...paid, status: 'SHIPPED', paymentStatus: 'PARTIALLY_REFUNDED' })).toBe(
      'paid',
    );
  });

  it('is pending while PayPal holds the money (an authorization, a review)', () => {
    expect(payPalOutcome({ ...paid, paymentStatus: 'PENDING' })).toBe('pending');
  });

  it('tells of an order paid another way, cancelled, or still unpaid', () => {
    expect(
      payPalOutcome({ ...paid, paymentStatus: 'UNPAID', paymentMethod: 'BANK_TRANSFER' }),
    ).toBe('not-paypal');
    expect(payPalOutcome({ ...paid, status: 'CANCELLED', paymentStatus: 'UNPAID' })).toBe(
      'cancelled',
    );
    expect(payPalOutcome({ ...paid, status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' })).toBe(
      'unpaid',
    );
  });
});

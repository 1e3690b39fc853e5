import { describe, expect, it } from 'vitest';
import {
  canMoveOrder,
  canMovePayment,
  orderStatusMoves,
  paymentStatusMoves,
  staffOrderStatuses,
} from './lifecycle.ts';

describe('the order status table', () => {
  it('lets a 送信未完 order only be paid or cancelled', () => {
    expect(orderStatusMoves.PAYMENT_INCOMPLETE).toEqual(['NEW', 'CANCELLED']);
    expect(canMoveOrder('PAYMENT_INCOMPLETE', 'SHIPPED')).toBe(false);
  });

  it('keeps cancelled and completed orders where they are', () => {
    for (const to of Object.keys(orderStatusMoves) as (keyof typeof orderStatusMoves)[]) {
      expect(canMoveOrder('CANCELLED', to)).toBe(false);
      expect(canMoveOrder('COMPLETED', to)).toBe(false);
    }
  });

  it('never lets staff put an order back to 新規注文 or 送信未完 by hand', () => {
    expect(staffOrderStatuses).not.toContain('NEW');
    expect(staffOrderStatuses).not.toContain('PAYMENT_INCOMPLETE');
    for (const from of Object.keys(orderStatusMoves) as (keyof typeof orderStatusMoves)[]) {
      expect(canMoveOrder(from, 'PAYMENT_INCOMPLETE')).toBe(false);
    }
  });
});

describe('the payment status table', () => {
  it('refunds only what was paid, and a reversal can be cancelled back to paid', () => {
    expect(canMovePayment('UNPAID', 'REFUNDED')).toBe(false);
    expect(canMovePayment('PAID', 'REFUNDED')).toBe(true);
    expect(canMovePayment('PARTIALLY_REFUNDED', 'PARTIALLY_REFUNDED')).toBe(true);
    expect(canMovePayment('REFUNDED', 'PAID')).toBe(true);
    expect(paymentStatusMoves.VOIDED).toEqual([]);
  });
});

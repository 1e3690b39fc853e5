import { describe, expect, it } from 'vitest';
import { timelineValue } from './order-history';

describe('timelineValue', () => {
  it('shows order and payment statuses by their labels', () => {
    expect(timelineValue('PLACED', 'PAYMENT_INCOMPLETE', 'ja')).toBe('送信未完');
    expect(timelineValue('ORDER_STATUS', 'CANCELLED', 'ja')).toBe('キャンセル');
    expect(timelineValue('PAYMENT_STATUS', 'PARTIALLY_REFUNDED', 'ja')).toBe('一部返金');
    expect(timelineValue('PAYMENT_STATUS', 'REFUNDED', 'en')).toBe('Refunded');
  });

  it('shows other values as they are', () => {
    expect(timelineValue('PAYMENT_REMINDER', 'buyer@example.com', 'ja')).toBe('buyer@example.com');
    expect(timelineValue('PAYMENT_NEEDS_ATTENTION', '9AB12345CD678901E', 'ja')).toBe(
      '9AB12345CD678901E',
    );
  });

  it('has nothing to show for a missing value', () => {
    expect(timelineValue('PLACED', null, 'ja')).toBeNull();
    expect(timelineValue('ORDER_STATUS', undefined, 'ja')).toBeNull();
  });
});

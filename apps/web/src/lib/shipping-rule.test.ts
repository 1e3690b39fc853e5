import { describe, expect, it } from 'vitest';
import { shippingRuleText } from './shipping-rule';

const yen = (amount: number) => ({ amount, currency: 'JPY' });

describe('shippingRuleText', () => {
  it('names the fee and the tax-exclusive amount from which shipping is free', () => {
    const rule = { shippingFee: yen(800), freeShippingFrom: yen(10000) };

    expect(shippingRuleText(rule, 'ja')).toBe('送料 ￥800（税抜 ￥10,000以上のご注文で送料無料）');
    expect(shippingRuleText(rule, 'en')).toBe(
      'Shipping ￥800 (free on orders of ￥10,000 or more before tax)',
    );
  });

  it('names only the fee when no order ships free', () => {
    const rule = { shippingFee: yen(1200), freeShippingFrom: null };

    expect(shippingRuleText(rule, 'ja')).toBe('送料 ￥1,200');
    expect(shippingRuleText(rule, 'en')).toBe('Shipping ￥1,200');
  });

  it('says shipping is free when the fee is zero, whatever the threshold', () => {
    expect(shippingRuleText({ shippingFee: yen(0), freeShippingFrom: yen(5000) }, 'ja')).toBe(
      '送料無料',
    );
    expect(shippingRuleText({ shippingFee: yen(0), freeShippingFrom: null }, 'en')).toBe(
      'Free shipping',
    );
  });
});

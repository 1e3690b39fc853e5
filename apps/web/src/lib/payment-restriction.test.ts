import { describe, expect, it } from 'vitest';
import { restrictedMethodText, restrictionText } from './payment-restriction';

const tea = { name: '静岡 煎茶 100g', nameEn: 'Shizuoka sencha, 100 g' };

describe('restrictionText', () => {
  it('names the product and the only methods it allows, in Japanese', () => {
    expect(restrictionText({ ...tea, allowedPaymentMethods: ['BANK_TRANSFER'] }, 'ja')).toBe(
      '「静岡 煎茶 100g」は銀行振込のみご利用いただけます。',
    );
  });

  it('lists several methods with the English name of the product', () => {
    const text = restrictionText(
      { ...tea, allowedPaymentMethods: ['BANK_TRANSFER', 'INVOICE'] },
      'en',
    );

    expect(text).toBe('“Shizuoka sencha, 100 g” can only be paid by Bank transfer or Invoice.');
  });
});

describe('restrictedMethodText', () => {
  it('says which products keep the method from being used', () => {
    const rice = { name: '草加せんべい 12枚入', nameEn: 'Soka rice crackers, 12 pieces' };

    expect(restrictedMethodText('PAYPAL', [tea, rice], 'ja')).toBe(
      'PayPalは次の商品を含むご注文ではご利用いただけません：「静岡 煎茶 100g」、「草加せんべい 12枚入」。別のお支払い方法をお選びください。',
    );
  });
});

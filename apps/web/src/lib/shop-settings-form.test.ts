import { describe, expect, it } from 'vitest';
import { readShopSettingsForm, shopSettingsFieldError } from './shop-settings-form';

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);

  return data;
}

const demo = {
  taxRounding: 'FLOOR',
  shippingFee: '800',
  freeShippingFrom: '10000',
  unpaidOrderExpiryHours: '72',
};

describe('readShopSettingsForm', () => {
  it('reads the rules as whole yen and hours', () => {
    expect(readShopSettingsForm(form(demo))).toEqual({
      entered: demo,
      input: {
        taxRounding: 'FLOOR',
        shippingFee: 800,
        freeShippingFrom: 10000,
        unpaidOrderExpiryHours: 72,
      },
      invalid: [],
    });
  });

  it('sends an empty free-shipping amount as null: no order ships free', () => {
    const reading = readShopSettingsForm(form({ ...demo, freeShippingFrom: ' ' }));

    expect(reading.input?.freeShippingFrom).toBeNull();
  });

  it('accepts thousands separators and full-width digits', () => {
    const reading = readShopSettingsForm(
      form({ ...demo, shippingFee: '１，２００', freeShippingFrom: '20,000' }),
    );

    expect(reading.input).toMatchObject({ shippingFee: 1200, freeShippingFrom: 20000 });
  });

  it('names every field it cannot read and keeps what was typed', () => {
    const typed = {
      taxRounding: 'HALF_EVEN',
      shippingFee: '800円',
      freeShippingFrom: '1.5',
      unpaidOrderExpiryHours: '',
    };
    const reading = readShopSettingsForm(form(typed));

    expect(reading.input).toBeNull();
    expect(reading.invalid).toEqual([
      'taxRounding',
      'shippingFee',
      'freeShippingFrom',
      'unpaidOrderExpiryHours',
    ]);
    expect(reading.entered).toEqual(typed);
  });

  it('refuses a number outside the range the API takes', () => {
    const reading = readShopSettingsForm(
      form({ ...demo, shippingFee: '-1', freeShippingFrom: '0', unpaidOrderExpiryHours: '721' }),
    );

    expect(reading.invalid).toEqual(['shippingFee', 'freeShippingFrom', 'unpaidOrderExpiryHours']);
  });

  it('takes the ends of each range', () => {
    const reading = readShopSettingsForm(
      form({
        ...demo,
        shippingFee: '1,000,000',
        freeShippingFrom: '1',
        unpaidOrderExpiryHours: '720',
      }),
    );

    expect(reading.input).toMatchObject({
      shippingFee: 1_000_000,
      freeShippingFrom: 1,
      unpaidOrderExpiryHours: 720,
    });
  });
});

describe('shopSettingsFieldError', () => {
  it('states the range of the field in Japanese and English', () => {
    expect(shopSettingsFieldError('shippingFee', 'ja')).toBe(
      '0〜1,000,000の整数で入力してください。',
    );
    expect(shopSettingsFieldError('unpaidOrderExpiryHours', 'en')).toBe(
      'Enter a whole number from 1 to 720.',
    );
  });
});

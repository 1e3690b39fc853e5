import { describe, expect, it } from 'vitest';
import { readProductForm } from './product-form';

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }

  return data;
}

const towel = {
  sku: ' TW-2001 ',
  nameJa: '業務用タオル',
  nameEn: 'Towel',
  price: '1,200',
  taxRate: '10',
  stock: '50',
  active: 'on',
};

describe('readProductForm', () => {
  it('reads the product with whole yen and units, trimmed', () => {
    expect(readProductForm(form(towel)).input).toEqual({
      sku: 'TW-2001',
      nameJa: '業務用タオル',
      nameEn: 'Towel',
      price: 1200,
      taxRate: 10,
      stock: 50,
      active: true,
      allowedPaymentMethods: [],
    });
  });

  it('sends an empty method list when none is ticked: the product allows every method', () => {
    expect(readProductForm(form(towel)).input?.allowedPaymentMethods).toEqual([]);
  });

  it('keeps only known methods, in the order of the settings', () => {
    const reading = readProductForm(
      form({ ...towel, allowedPaymentMethods: ['INVOICE', 'BITCOIN', 'BANK_TRANSFER'] }),
    );

    expect(reading.input?.allowedPaymentMethods).toEqual(['BANK_TRANSFER', 'INVOICE']);
  });

  it('reads an unticked 表示 box as a hidden product', () => {
    const { active: _active, ...hidden } = towel;

    expect(readProductForm(form(hidden)).input?.active).toBe(false);
  });

  it('names the fields it cannot send and keeps what was typed', () => {
    const reading = readProductForm(form({ ...towel, price: '1.5', taxRate: '5', stock: '' }));

    expect(reading.input).toBeNull();
    expect(reading.invalid).toEqual(['price', 'taxRate', 'stock']);
    expect(reading.entered.price).toBe('1.5');
  });
});

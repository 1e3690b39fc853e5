import type { PaymentMethod } from '$lib/graphql/graphql';
import { paymentMethods } from '$lib/payment-method';
import { wholeNumber } from '$lib/whole-number';

export const taxRates = [10, 8] as const;

export const productFields = [
  'sku',
  'nameJa',
  'nameEn',
  'price',
  'taxRate',
  'stock',
  'active',
  'allowedPaymentMethods',
] as const;

export type ProductField = (typeof productFields)[number];

/** The form as typed, to show again after a refusal. */
export type ProductEntry = {
  sku: string;
  nameJa: string;
  nameEn: string;
  price: string;
  taxRate: string;
  stock: string;
  active: boolean;
  allowedPaymentMethods: PaymentMethod[];
};

export type ProductInput = {
  sku: string;
  nameJa: string;
  nameEn: string;
  price: number;
  taxRate: number;
  stock: number;
  active: boolean;
  allowedPaymentMethods: PaymentMethod[];
};

type Reading =
  | { entered: ProductEntry; input: ProductInput; invalid: [] }
  | { entered: ProductEntry; input: null; invalid: ProductField[] };

export function isProductField(value: unknown): value is ProductField {
  return productFields.includes(value as ProductField);
}

/** A saved product as the form shows it. */
export function productEntry(product: {
  sku: string;
  name: string;
  nameEn: string;
  price: { amount: number };
  taxRate: number;
  stock: number;
  active: boolean;
  allowedPaymentMethods: PaymentMethod[];
}): ProductEntry {
  return {
    sku: product.sku,
    nameJa: product.name,
    nameEn: product.nameEn,
    price: String(product.price.amount),
    taxRate: String(product.taxRate),
    stock: String(product.stock),
    active: product.active,
    allowedPaymentMethods: product.allowedPaymentMethods,
  };
}

export const newProductEntry: ProductEntry = {
  sku: '',
  nameJa: '',
  nameEn: '',
  price: '',
  taxRate: '10',
  stock: '0',
  active: true,
  allowedPaymentMethods: [],
};

/**
 * Reads the product form: the input for the API, or the fields it cannot send. No method
 * ticked means the product allows every method, so an empty list is sent, not left out.
 */
export function readProductForm(form: FormData): Reading {
  const text = (name: string) => form.get(name)?.toString().trim() ?? '';
  const chosen = form.getAll('allowedPaymentMethods').map(String);
  const entered: ProductEntry = {
    sku: text('sku'),
    nameJa: text('nameJa'),
    nameEn: text('nameEn'),
    price: text('price'),
    taxRate: text('taxRate'),
    stock: text('stock'),
    active: form.get('active') === 'on',
    allowedPaymentMethods: paymentMethods.filter((method) => chosen.includes(method)),
  };

  // Lengths, ranges and the SKU's characters are the API's to check: it names the field.
  const price = wholeNumber(entered.price);
  const stock = wholeNumber(entered.stock);
  const taxRate = taxRates.find((rate) => String(rate) === entered.taxRate) ?? null;
  const invalid: ProductField[] = [];
  if (price === null) invalid.push('price');
  if (taxRate === null) invalid.push('taxRate');
  if (stock === null) invalid.push('stock');
  if (price === null || taxRate === null || stock === null) {
    return { entered, input: null, invalid };
  }

  const { sku, nameJa, nameEn, active, allowedPaymentMethods } = entered;

  return {
    entered,
    input: { sku, nameJa, nameEn, price, taxRate, stock, active, allowedPaymentMethods },
    invalid: [],
  };
}

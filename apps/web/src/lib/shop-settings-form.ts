import type { TaxRounding } from '$lib/graphql/graphql';
import { wholeNumber } from '$lib/whole-number';

export const taxRoundings: TaxRounding[] = ['FLOOR', 'ROUND', 'CEIL'];

export const shopSettingsFields = [
  'taxRounding',
  'shippingFee',
  'freeShippingFrom',
  'unpaidOrderExpiryHours',
] as const;

export type ShopSettingsField = (typeof shopSettingsFields)[number];

/** The form as typed, to show again after a refusal. */
export type ShopSettingsEntry = Record<ShopSettingsField, string>;

export type ShopSettingsInput = {
  taxRounding: TaxRounding;
  shippingFee: number;
  freeShippingFrom: number | null;
  unpaidOrderExpiryHours: number;
};

type Reading =
  | { entered: ShopSettingsEntry; input: ShopSettingsInput; invalid: [] }
  | { entered: ShopSettingsEntry; input: null; invalid: ShopSettingsField[] };

export function isShopSettingsField(value: unknown): value is ShopSettingsField {
  return shopSettingsFields.includes(value as ShopSettingsField);
}

/** Reads 送料・税・未入金 from the form: the input for the API, or the fields it cannot send. */
export function readShopSettingsForm(form: FormData): Reading {
  const entered = Object.fromEntries(
    shopSettingsFields.map((field) => [field, form.get(field)?.toString().trim() ?? '']),
  ) as ShopSettingsEntry;

  // Ranges are the API's to check: it answers with the field at fault.
  const parsed = {
    taxRounding: taxRoundings.find((rounding) => rounding === entered.taxRounding) ?? null,
    shippingFee: wholeNumber(entered.shippingFee),
    freeShippingFrom: entered.freeShippingFrom ? wholeNumber(entered.freeShippingFrom) : null,
    unpaidOrderExpiryHours: wholeNumber(entered.unpaidOrderExpiryHours),
  };
  // Only an empty 送料無料 amount may be null: it means that no order ships free.
  const invalid = shopSettingsFields.filter(
    (field) => parsed[field] === null && (field !== 'freeShippingFrom' || entered[field] !== ''),
  );
  const { taxRounding, shippingFee, freeShippingFrom, unpaidOrderExpiryHours } = parsed;
  if (!taxRounding || shippingFee === null || unpaidOrderExpiryHours === null || invalid.length) {
    return { entered, input: null, invalid };
  }

  return {
    entered,
    input: { taxRounding, shippingFee, freeShippingFrom, unpaidOrderExpiryHours },
    invalid: [],
  };
}

import type { TaxRounding } from '$lib/graphql/graphql';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { wholeNumber } from '$lib/whole-number';

export const taxRoundings: TaxRounding[] = ['FLOOR', 'ROUND', 'CEIL'];

export const shopSettingsFields = [
  'taxRounding',
  'shippingFee',
  'freeShippingFrom',
  'unpaidOrderExpiryHours',
] as const;

export type ShopSettingsField = (typeof shopSettingsFields)[number];

type NumberField = Exclude<ShopSettingsField, 'taxRounding'>;

/** The API's ranges, checked here first so that a refusal is worded in the UI's language. */
export const shopSettingsRanges: Record<NumberField, { min: number; max: number }> = {
  shippingFee: { min: 0, max: 1_000_000 },
  freeShippingFrom: { min: 1, max: 100_000_000 },
  unpaidOrderExpiryHours: { min: 1, max: 720 },
};

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

function inRange(field: NumberField, value: string): number | null {
  const number = wholeNumber(value);
  const { min, max } = shopSettingsRanges[field];

  return number !== null && number >= min && number <= max ? number : null;
}

/** What is wrong with a field the form or the API refused, in the UI's language. */
export function shopSettingsFieldError(field: ShopSettingsField, locale?: Locale): string {
  if (field === 'taxRounding') return m.error_VALIDATION({}, { locale });
  const { min, max } = shopSettingsRanges[field];

  return m.whole_number_range(
    { min: min.toLocaleString('en'), max: max.toLocaleString('en') },
    { locale },
  );
}

/** Reads 送料・税・未入金 from the form: the input for the API, or the fields it cannot send. */
export function readShopSettingsForm(form: FormData): Reading {
  const entered = Object.fromEntries(
    shopSettingsFields.map((field) => [field, form.get(field)?.toString().trim() ?? '']),
  ) as ShopSettingsEntry;

  const parsed = {
    taxRounding: taxRoundings.find((rounding) => rounding === entered.taxRounding) ?? null,
    shippingFee: inRange('shippingFee', entered.shippingFee),
    freeShippingFrom: entered.freeShippingFrom
      ? inRange('freeShippingFrom', entered.freeShippingFrom)
      : null,
    unpaidOrderExpiryHours: inRange('unpaidOrderExpiryHours', entered.unpaidOrderExpiryHours),
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

import { TaxRounding } from '@wholesale/db/enums';
import { denied, requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { Money, yen } from '../common-schema.ts';
import { ValidationError } from '../errors.ts';
import type { ShopRules } from './shop-settings.ts';
import { loadShopRules, updateShopSettings } from './shop-settings.ts';

const TaxRoundingEnum = builder.enumType(TaxRounding, {
  name: 'TaxRounding',
  description: 'How the tax of each rate on an order is rounded to a whole yen.',
  values: {
    FLOOR: { description: '切り捨て (round down), the default.' },
    ROUND: { description: '四捨五入 (half up).' },
    CEIL: { description: '切り上げ (round up).' },
  },
});

const ShopSettings = builder.objectRef<ShopRules>('ShopSettings').implement({
  description: 'The merchant’s rules for order totals and unpaid orders.',
  fields: (t) => ({
    taxRounding: t.field({
      type: TaxRoundingEnum,
      description: 'How the tax of each rate on an order is rounded to a whole yen.',
      resolve: (rules) => rules.taxRounding,
    }),
    shippingFee: t.field({
      type: Money,
      description: 'Tax-exclusive shipping fee per order; taxed at the standard rate.',
      resolve: (rules) => yen(rules.shippingFee),
    }),
    freeShippingFrom: t.field({
      type: Money,
      nullable: true,
      description: 'Orders whose subtotal reaches this ship free; null when never.',
      resolve: (rules) => (rules.freeShippingFrom === null ? null : yen(rules.freeShippingFrom)),
    }),
    unpaidOrderExpiryHours: t.exposeInt('unpaidOrderExpiryHours', {
      description:
        'Hours after which an unpaid 送信未完 order is cancelled and its stock released, unless PayPal reports it paid.',
    }),
  }),
});

builder.queryField('shopSettings', (t) =>
  t.field({
    type: ShopSettings,
    description: 'Shipping, tax rounding and unpaid-order rules (any logged-in caller).',
    resolve: (_root, _args, context) => {
      if (!context.viewer && !context.apiToken) throw denied(context);

      return loadShopRules(context.db);
    },
  }),
);

const UpdateShopSettingsInput = builder.inputType('UpdateShopSettingsInput', {
  description: 'Every shop rule, saved together.',
  fields: (t) => ({
    taxRounding: t.field({
      type: TaxRoundingEnum,
      description: 'How the tax of each rate on an order is rounded to a whole yen.',
    }),
    shippingFee: t.int({ description: 'Shipping fee per order in yen, tax-exclusive.' }),
    freeShippingFrom: t.int({
      required: false,
      description: 'The subtotal in yen from which orders ship free; null or absent: never free.',
    }),
    unpaidOrderExpiryHours: t.int({
      description: 'Hours after which an unpaid 送信未完 order is cancelled: 1 to 720.',
    }),
  }),
});

const UpdateShopSettingsPayload = builder
  .objectRef<ShopRules>('UpdateShopSettingsPayload')
  .implement({
    description: 'The shop rules as saved.',
    fields: (t) => ({
      settings: t.field({
        type: ShopSettings,
        description: 'The rules, as saved.',
        resolve: (rules) => rules,
      }),
    }),
  });

builder.mutationField('updateShopSettings', (t) =>
  t.field({
    type: UpdateShopSettingsPayload,
    description: 'Saves the shop rules (staff). Orders already placed keep their totals.',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'UpdateShopSettingsResult',
        description: 'The saved rules, or why they were refused.',
      },
    },
    args: { input: t.arg({ type: UpdateShopSettingsInput, description: 'The rules to save.' }) },
    resolve: (_root, { input }, context) => {
      requireStaff(context);

      return updateShopSettings(context, input);
    },
  }),
);

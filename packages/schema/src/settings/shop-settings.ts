import type { PrismaClient } from '@wholesale/db/client';
import type { TaxRounding } from '@wholesale/db/enums';
import { actorOf, audit, diffFields } from '../audit/audit.ts';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';
import type { PricingRules } from '../money/totals.ts';

export interface ShopRules extends PricingRules {
  unpaidOrderExpiryHours: number;
}

export const defaultShopRules: ShopRules = {
  taxRounding: 'FLOOR',
  shippingFee: 0,
  freeShippingFrom: null,
  unpaidOrderExpiryHours: 72,
};

/** The merchant's current rules, or the defaults before any were saved. */
export async function loadShopRules(db: Pick<PrismaClient, 'shopSettings'>): Promise<ShopRules> {
  const row = await db.shopSettings.findUnique({ where: { id: 1 } });
  if (!row) return defaultShopRules;

  return {
    taxRounding: row.taxRounding,
    shippingFee: row.shippingFee,
    freeShippingFrom: row.freeShippingFrom,
    unpaidOrderExpiryHours: row.unpaidOrderExpiryHours,
  };
}

function wholeNumber(value: number, field: string, min: number, max: number, label: string) {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(`${label} must be a whole number from ${min} to ${max}.`, field);
  }
}

export async function updateShopSettings(
  context: Context,
  input: {
    taxRounding: TaxRounding;
    shippingFee: number;
    freeShippingFrom?: number | null;
    unpaidOrderExpiryHours: number;
  },
): Promise<ShopRules> {
  wholeNumber(input.shippingFee, 'shippingFee', 0, 1_000_000, 'The shipping fee');
  if (input.freeShippingFrom != null) {
    wholeNumber(input.freeShippingFrom, 'freeShippingFrom', 1, 100_000_000, 'Free shipping from');
  }
  wholeNumber(input.unpaidOrderExpiryHours, 'unpaidOrderExpiryHours', 1, 720, 'The expiry');

  const data = {
    taxRounding: input.taxRounding,
    shippingFee: input.shippingFee,
    freeShippingFrom: input.freeShippingFrom ?? null,
    unpaidOrderExpiryHours: input.unpaidOrderExpiryHours,
  };
  const before = await loadShopRules(context.db);
  await context.db.$transaction(async (tx) => {
    await tx.shopSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await audit(tx, {
      actor: actorOf(context),
      action: 'SHOP_SETTINGS_UPDATED',
      subjectType: 'ShopSettings',
      subjectId: '1',
      changes: diffFields<Record<string, unknown>>({ ...before }, { ...data }, [
        'taxRounding',
        'shippingFee',
        'freeShippingFrom',
        'unpaidOrderExpiryHours',
      ]),
    });
  });
  context.log.info({ by: context.viewer?.userId, ...data }, 'shop settings updated');

  return data;
}

import type { PaymentMethod } from '@wholesale/db/enums';
import { actorOf, audit, diffFields } from '../audit/audit.ts';
import { sortPaymentMethods } from '../checkout/payment-methods.ts';
import type { Context } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { isTaxRate } from '../money/totals.ts';

export interface ProductFields {
  sku?: string | null;
  nameJa?: string | null;
  nameEn?: string | null;
  price?: number | null;
  taxRate?: number | null;
  stock?: number | null;
  active?: boolean | null;
  allowedPaymentMethods?: PaymentMethod[] | null;
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) {
    throw new ValidationError(`${field} must be 1 to ${max} characters.`, field);
  }

  return trimmed;
}

function whole(value: number, field: string, max: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new ValidationError(`${field} must be a whole number from 0 to ${max}.`, field);
  }

  return value;
}

function checked(input: ProductFields) {
  const data: Record<string, unknown> = {};
  if (input.sku != null) {
    const sku = text(input.sku, 'sku', 64);
    if (!/^[A-Za-z0-9._-]+$/.test(sku)) {
      throw new ValidationError('An SKU uses letters, digits, dot, dash and underscore.', 'sku');
    }
    data.sku = sku;
  }
  if (input.nameJa != null) data.nameJa = text(input.nameJa, 'nameJa', 127);
  if (input.nameEn != null) data.nameEn = text(input.nameEn, 'nameEn', 127);
  if (input.price != null) data.price = whole(input.price, 'price', 100_000_000);
  if (input.stock != null) data.stock = whole(input.stock, 'stock', 10_000_000);
  if (input.taxRate != null) {
    if (!isTaxRate(input.taxRate)) throw new ValidationError('The tax rate is 10 or 8.', 'taxRate');
    data.taxRate = input.taxRate;
  }
  if (input.active != null) data.active = input.active;
  if (input.allowedPaymentMethods != null) {
    data.allowedPaymentMethods = sortPaymentMethods(input.allowedPaymentMethods);
  }

  return data;
}

const audited = [
  'sku',
  'nameJa',
  'nameEn',
  'price',
  'taxRate',
  'stock',
  'active',
  'allowedPaymentMethods',
] as const;

export async function createProduct(context: Context, input: ProductFields) {
  for (const field of ['sku', 'nameJa', 'nameEn', 'price', 'taxRate', 'stock'] as const) {
    if (input[field] == null) throw new ValidationError(`${field} is required.`, field);
  }
  const data = checked(input);
  if (await context.db.product.findUnique({ where: { sku: String(data.sku) } })) {
    throw new ValidationError('Another product has this SKU.', 'sku');
  }

  return context.db.$transaction(async (tx) => {
    const position = (await tx.product.aggregate({ _max: { position: true } }))._max.position ?? 0;
    const product = await tx.product.create({
      data: {
        ...(data as Parameters<typeof tx.product.create>[0]['data']),
        position: position + 1,
      },
    });
    await audit(tx, {
      actor: actorOf(context),
      action: 'PRODUCT_CREATED',
      subjectType: 'Product',
      subjectId: product.id,
      changes: diffFields(null, product, audited),
    });

    return product;
  });
}

export async function updateProduct(context: Context, id: string, input: ProductFields) {
  const before = await context.db.product.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No product has this id.');
  const data = checked(input);
  if (data.sku && data.sku !== before.sku) {
    if (await context.db.product.findUnique({ where: { sku: String(data.sku) } })) {
      throw new ValidationError('Another product has this SKU.', 'sku');
    }
  }

  return context.db.$transaction(async (tx) => {
    const product = await tx.product.update({ where: { id }, data });
    const changes = diffFields(before, product, audited);
    if (Object.keys(changes).length > 0) {
      await audit(tx, {
        actor: actorOf(context),
        action: 'PRODUCT_UPDATED',
        subjectType: 'Product',
        subjectId: id,
        changes,
      });
    }

    return product;
  });
}

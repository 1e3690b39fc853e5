import type { PrismaClient } from '@wholesale/db/client';
import type { PaymentMethod } from '@wholesale/db/enums';
import { PaymentMethodNotAllowedError } from './errors.ts';

export const paymentMethodOrder: PaymentMethod[] = [
  'PAYPAL',
  'BANK_TRANSFER',
  'CASH_ON_DELIVERY',
  'INVOICE',
];

/** Methods in the order the shop lists them, without repeats. */
export function sortPaymentMethods(methods: Iterable<PaymentMethod>): PaymentMethod[] {
  const present = new Set(methods);

  return paymentMethodOrder.filter((method) => present.has(method));
}

export interface AvailablePaymentMethod {
  method: PaymentMethod;
  description: string;
  /** Tax-exclusive fee added to the order (cash on delivery, say); 0 for none. */
  fee: number;
}

/** Products of a cart that only allow some payment methods. */
export async function productRestrictions(
  db: Pick<PrismaClient, 'product'>,
  productIds: readonly string[],
) {
  if (productIds.length === 0) return [];

  return db.product.findMany({
    where: { id: { in: [...productIds] }, NOT: { allowedPaymentMethods: { isEmpty: true } } },
  });
}

/**
 * The methods a member may pay with for these products: enabled by the merchant, allowed for
 * the member, and allowed by every product that restricts its payment methods (a product's
 * restriction overrides the member's permission).
 */
export async function availablePaymentMethods(
  db: Pick<PrismaClient, 'member' | 'paymentMethodSetting' | 'product'>,
  memberId: string,
  productIds: readonly string[] = [],
): Promise<AvailablePaymentMethod[]> {
  const [member, settings, restricted] = await Promise.all([
    db.member.findUniqueOrThrow({
      where: { id: memberId },
      select: { allowedPaymentMethods: true },
    }),
    db.paymentMethodSetting.findMany({ where: { enabled: true } }),
    productRestrictions(db, productIds),
  ]);
  const allowed = new Set(member.allowedPaymentMethods);

  return paymentMethodOrder.flatMap((method) => {
    const setting = settings.find((candidate) => candidate.method === method);
    if (!setting || !allowed.has(method)) return [];
    if (restricted.some((product) => !product.allowedPaymentMethods.includes(method))) return [];

    return [{ method, description: setting.description, fee: setting.fee }];
  });
}

/** Refuses a method this member may not use for these products, naming the products if they are why. */
export async function assertMethodAllowed(
  db: Pick<PrismaClient, 'member' | 'paymentMethodSetting' | 'product'>,
  memberId: string,
  productIds: readonly string[],
  method: PaymentMethod,
): Promise<AvailablePaymentMethod> {
  const methods = await availablePaymentMethods(db, memberId, productIds);
  const found = methods.find((available) => available.method === method);
  if (found) return found;

  const restricting = (await productRestrictions(db, productIds)).filter(
    (product) => !product.allowedPaymentMethods.includes(method),
  );
  throw new PaymentMethodNotAllowedError(
    method,
    restricting.map((product) => product.id),
  );
}

import type { PrismaClient } from '@wholesale/db/client';
import type { PaymentMethod } from '@wholesale/db/enums';

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
}

/** The methods a member may pay with: enabled by the merchant and allowed for this member. */
export async function availablePaymentMethods(
  db: Pick<PrismaClient, 'member' | 'paymentMethodSetting'>,
  memberId: string,
): Promise<AvailablePaymentMethod[]> {
  const [member, settings] = await Promise.all([
    db.member.findUniqueOrThrow({
      where: { id: memberId },
      select: { allowedPaymentMethods: true },
    }),
    db.paymentMethodSetting.findMany({ where: { enabled: true } }),
  ]);
  const allowed = new Set(member.allowedPaymentMethods);

  return paymentMethodOrder.flatMap((method) => {
    const setting = settings.find((candidate) => candidate.method === method);
    if (!setting || !allowed.has(method)) return [];

    return [{ method, description: setting.description }];
  });
}

import type { PaymentMethod } from '@wholesale/db/enums';
import type { Prisma } from '@wholesale/db/prisma';
import { actorOf, audit } from '../audit/audit.ts';
import { sortPaymentMethods } from '../checkout/payment-methods.ts';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';

export interface BulkPaymentMethodChange {
  where: Prisma.MemberWhereInput;
  method: PaymentMethod;
  allowed: boolean;
  /** Only count: how many members match, and how many would change. */
  dryRun: boolean;
  /** The preview's counts: a change that would reach other members than previewed is refused. */
  expected?: { matched: number; changed: number } | null;
}

/**
 * Sets or clears one payment method for many members at once: the selected ones, or every
 * member matching a filter. A dry run answers the counts for the merchant's preview; the real
 * run changes only members whose permission actually differs, each with its audit entry.
 */
export async function setMembersPaymentMethod(context: Context, change: BulkPaymentMethodChange) {
  if (change.allowed) {
    const setting = await context.db.paymentMethodSetting.findUnique({
      where: { method: change.method },
    });
    if (!setting?.enabled) {
      throw new ValidationError(
        `${change.method} is not enabled in the payment settings.`,
        'method',
      );
    }
  }

  const matched = await context.db.member.findMany({
    where: change.where,
    select: { id: true, allowedPaymentMethods: true },
  });
  const toChange = matched.filter(
    (member) => member.allowedPaymentMethods.includes(change.method) !== change.allowed,
  );
  if (change.dryRun) return { matched: matched.length, changed: toChange.length };

  await context.db.$transaction(async (tx) => {
    // Counted again inside the transaction: what is changed is what this count says.
    const now = await tx.member.findMany({
      where: change.where,
      select: { id: true, allowedPaymentMethods: true },
    });
    const changing = now.filter(
      (member) => member.allowedPaymentMethods.includes(change.method) !== change.allowed,
    );
    const { expected } = change;
    if (expected && (expected.matched !== now.length || expected.changed !== changing.length)) {
      throw new ValidationError(
        `The change now reaches ${now.length} members and changes ${changing.length}, not ${expected.matched} and ${expected.changed} as previewed; preview it again.`,
        'expected',
      );
    }
    toChange.splice(0, toChange.length, ...changing);
    matched.splice(0, matched.length, ...now);
    for (const member of toChange) {
      const methods = change.allowed
        ? sortPaymentMethods([...member.allowedPaymentMethods, change.method])
        : member.allowedPaymentMethods.filter((method) => method !== change.method);
      await tx.member.update({
        where: { id: member.id },
        data: { allowedPaymentMethods: methods },
      });
      await audit(tx, {
        actor: actorOf(context),
        action: 'MEMBER_UPDATED',
        subjectType: 'Member',
        subjectId: member.id,
        changes: { allowedPaymentMethods: { from: member.allowedPaymentMethods, to: methods } },
      });
    }
  });
  context.log.info(
    { method: change.method, allowed: change.allowed, changed: toChange.length },
    'payment method set in bulk',
  );

  return { matched: matched.length, changed: toChange.length };
}

import type { PaymentMethod } from '@wholesale/db/enums';
import { actorOf, audit, diffFields } from '../audit/audit.ts';
import { sortPaymentMethods } from '../checkout/payment-methods.ts';
import type { Context } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { requiredText } from './member-fields.ts';

export interface MemberChanges {
  id: string;
  companyName?: string | null;
  contactName?: string | null;
  allowedPaymentMethods?: PaymentMethod[] | null;
}

/**
 * Saves a member. The merchant ticks methods among those enabled in the payment settings;
 * methods that are currently disabled are not shown, so the member keeps whatever it had
 * of them rather than losing them silently.
 */
export async function updateMember(context: Context, changes: MemberChanges) {
  const member = await context.db.member.findUnique({ where: { id: changes.id } });
  if (!member) throw new NotFoundError('No member has this id.');

  const data: {
    companyName?: string;
    contactName?: string;
    allowedPaymentMethods?: PaymentMethod[];
  } = {};
  if (changes.companyName != null) {
    data.companyName = requiredText(changes.companyName, 'companyName', 'The company name');
  }
  if (changes.contactName != null) {
    data.contactName = requiredText(changes.contactName, 'contactName', 'The contact name');
  }
  if (changes.allowedPaymentMethods != null) {
    const enabled = new Set(
      (await context.db.paymentMethodSetting.findMany({ where: { enabled: true } })).map(
        (setting) => setting.method,
      ),
    );
    // A disabled method the member already holds may come back unchanged (a form or a file
    // that repeats the member's methods); only adding one is refused.
    const refused = changes.allowedPaymentMethods.find(
      (method) => !enabled.has(method) && !member.allowedPaymentMethods.includes(method),
    );
    if (refused) {
      throw new ValidationError(
        `${refused} is not enabled in the payment settings.`,
        'allowedPaymentMethods',
      );
    }
    const kept = member.allowedPaymentMethods.filter((method) => !enabled.has(method));
    data.allowedPaymentMethods = sortPaymentMethods([...changes.allowedPaymentMethods, ...kept]);
  }

  const updated = await context.db.$transaction(async (tx) => {
    const saved = await tx.member.update({ where: { id: member.id }, data });
    const diff = diffFields(member, saved, ['companyName', 'contactName', 'allowedPaymentMethods']);
    if (Object.keys(diff).length > 0) {
      await audit(tx, {
        actor: actorOf(context),
        action: 'MEMBER_UPDATED',
        subjectType: 'Member',
        subjectId: member.id,
        changes: diff,
      });
    }

    return saved;
  });
  context.log.info(
    { memberId: member.id, by: context.viewer?.userId, fields: Object.keys(data) },
    'member updated',
  );

  return updated;
}

import { actorOf, audit } from '../audit/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { sortPaymentMethods } from '../checkout/payment-methods.ts';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { requiredText } from './member-fields.ts';

export interface NewMember {
  email: string;
  password: string;
  companyName: string;
  contactName: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Registers a member with a login. The member starts with every payment method the merchant
 * enabled and marked 新規会員 in the payment settings.
 */
export async function createMember(context: Context, input: NewMember) {
  const email = input.email.trim().toLowerCase();
  if (!emailPattern.test(email) || email.length > 254) {
    throw new ValidationError('Enter a valid email address.', 'email');
  }
  if (input.password.length < 10 || input.password.length > 256) {
    throw new ValidationError('The password must be 10 to 256 characters long.', 'password');
  }
  const companyName = requiredText(input.companyName, 'companyName', 'The company name');
  const contactName = requiredText(input.contactName, 'contactName', 'The contact name');
  if (await context.db.user.findUnique({ where: { email } })) {
    throw new ValidationError('A login with this email address exists already.', 'email');
  }

  const defaults = await context.db.paymentMethodSetting.findMany({
    where: { enabled: true, enabledForNewMembers: true },
  });
  const user = await context.db.user.create({
    data: {
      email,
      passwordHash: await hashPassword(input.password),
      role: 'MEMBER',
      name: contactName,
      member: {
        create: {
          companyName,
          contactName,
          allowedPaymentMethods: sortPaymentMethods(defaults.map((setting) => setting.method)),
        },
      },
    },
    include: { member: true },
  });
  if (user.member) {
    await audit(context.db, {
      actor: actorOf(context),
      action: 'MEMBER_CREATED',
      subjectType: 'Member',
      subjectId: user.member.id,
      changes: {
        email: { to: email },
        companyName: { to: companyName },
        allowedPaymentMethods: { to: user.member.allowedPaymentMethods },
      },
    });
  }
  context.log.info({ memberId: user.member?.id, by: context.viewer?.userId }, 'member created');

  return user.member;
}

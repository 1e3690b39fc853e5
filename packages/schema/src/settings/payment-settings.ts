import type { PaymentMethod, PayPalEnvironment, PayPalPaymentAction } from '@wholesale/db/enums';
import { actorOf, audit, diffFields } from '../audit/audit.ts';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { secretHint } from './secret-box.ts';

export interface PaymentSettingsChange {
  method: PaymentMethod;
  enabled: boolean;
  enabledForNewMembers: boolean;
  description: string;
  fee?: number | null;
  paypal?: {
    environment: PayPalEnvironment;
    /** Absent keeps the stored choice. */
    paymentAction?: PayPalPaymentAction | null;
    apiUsername: string;
    /** Empty or absent keeps the stored secret. */
    apiPassword?: string | null;
    apiSignature?: string | null;
  } | null;
}

const maxDescription = 2000;

/**
 * 更新 in one block of 決済設定. Secrets are write-only: a new value replaces the stored one
 * (encrypted), an empty one keeps it, and neither value is ever logged or returned.
 */
export async function updatePaymentSettings(context: Context, change: PaymentSettingsChange) {
  const description = change.description.trim();
  if (description.length > maxDescription) {
    throw new ValidationError(
      `The description is longer than ${maxDescription} characters.`,
      'description',
    );
  }
  if (change.fee != null) {
    if (!Number.isSafeInteger(change.fee) || change.fee < 0 || change.fee > 100_000) {
      throw new ValidationError('The fee is a whole number of yen from 0 to 100,000.', 'fee');
    }
    if (change.method === 'PAYPAL' && change.fee > 0) {
      throw new ValidationError('PayPal payments carry no fee here.', 'fee');
    }
  }
  if (change.paypal && change.method !== 'PAYPAL') {
    throw new ValidationError('PayPal credentials belong to the PayPal block only.', 'paypal');
  }

  const secrets = context.services.secrets;
  await context.db.$transaction(async (tx) => {
    const before = await tx.paymentMethodSetting.findUnique({ where: { method: change.method } });
    const accountBefore = await tx.payPalAccount.findUnique({ where: { id: 1 } });
    await tx.paymentMethodSetting.upsert({
      where: { method: change.method },
      create: { method: change.method, ...pick(change, description) },
      update: pick(change, description),
    });
    const changes = diffFields(before, pick(change, description), [
      'enabled',
      'enabledForNewMembers',
      'description',
      'fee',
    ]);
    if (change.paypal) {
      Object.assign(
        changes,
        diffFields(
          accountBefore,
          {
            environment: change.paypal.environment,
            apiUsername: change.paypal.apiUsername.trim(),
            ...(change.paypal.paymentAction ? { paymentAction: change.paypal.paymentAction } : {}),
          },
          change.paypal.paymentAction
            ? ['environment', 'paymentAction', 'apiUsername']
            : ['environment', 'apiUsername'],
        ),
        // Secrets: that they changed, never what they are.
        change.paypal.apiPassword?.trim() ? { apiPassword: { changed: true } } : {},
        change.paypal.apiSignature?.trim() ? { apiSignature: { changed: true } } : {},
      );
    }
    if (Object.keys(changes).length > 0) {
      await audit(tx, {
        actor: actorOf(context),
        action: 'PAYMENT_SETTINGS_UPDATED',
        subjectType: 'PaymentMethod',
        subjectId: change.method,
        changes,
      });
    }
    if (!change.paypal) return;

    const { environment, apiPassword, apiSignature } = change.paypal;
    const apiUsername = change.paypal.apiUsername.trim();
    if (change.enabled && !apiUsername) {
      throw new ValidationError('Enter the API username to enable PayPal.', 'apiUsername');
    }
    const secretFields = {
      apiUsername,
      environment,
      ...(change.paypal.paymentAction ? { paymentAction: change.paypal.paymentAction } : {}),
      ...(apiPassword?.trim()
        ? {
            apiPasswordEncrypted: secrets.seal(apiPassword.trim()),
            apiPasswordHint: secretHint(apiPassword.trim()),
          }
        : {}),
      ...(apiSignature?.trim()
        ? {
            apiSignatureEncrypted: secrets.seal(apiSignature.trim()),
            apiSignatureHint: secretHint(apiSignature.trim()),
          }
        : {}),
    };
    const account = await tx.payPalAccount.upsert({
      where: { id: 1 },
      create: { id: 1, ...secretFields },
      update: secretFields,
    });
    if (change.enabled && (!account.apiPasswordEncrypted || !account.apiSignatureEncrypted)) {
      throw new ValidationError('Enter the API password and signature to enable PayPal.', 'paypal');
    }
  });

  context.log.info(
    {
      by: context.viewer?.userId,
      method: change.method,
      enabled: change.enabled,
      passwordChanged: Boolean(change.paypal?.apiPassword?.trim()),
      signatureChanged: Boolean(change.paypal?.apiSignature?.trim()),
    },
    'payment settings updated',
  );
}

function pick(change: PaymentSettingsChange, description: string) {
  return {
    enabled: change.enabled,
    enabledForNewMembers: change.enabledForNewMembers,
    description,
    ...(change.fee != null ? { fee: change.fee } : {}),
  };
}

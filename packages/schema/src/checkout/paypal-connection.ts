import { describePayPalError } from '@wholesale/paypal/errors';
import type { NvpErrorItem } from '@wholesale/paypal/nvp';
import type { Context } from '../context.ts';
import type { PayPalConnection } from '../payments/paypal-account.ts';
import { PayPalNotConfiguredError } from '../payments/paypal-account.ts';
import { payPalErrorFrom } from './paypal-errors.ts';

const credentialsRefused: NvpErrorItem = {
  code: '10002',
  shortMessage: 'Security error',
  longMessage: 'The PayPal API credentials are not set in the payment settings.',
  severity: 'Error',
};

/** Connects with the stored credentials; missing ones are a PayPal error the buyer can read. */
export async function connectForPayment(context: Context): Promise<PayPalConnection> {
  try {
    return await context.services.paypal(context.db);
  } catch (error) {
    if (!(error instanceof PayPalNotConfiguredError)) throw error;

    await notePayPalAnswer(context, [credentialsRefused]);
    throw payPalErrorFrom([credentialsRefused]);
  }
}

/**
 * Keeps the merchant informed in 決済設定: a credentials error (wrong signature, say) is
 * recorded on the PayPal account with its merchant message, and cleared by the next call PayPal
 * accepts. Other errors concern one payment and are recorded on it instead. Given the
 * connection the call went through, a success costs no statement when no error is on record.
 */
export async function notePayPalAnswer(
  context: Context,
  errors: NvpErrorItem[],
  paypal?: PayPalConnection,
): Promise<void> {
  const first = errors[0];
  if (!first) {
    if (paypal && !paypal.credentialsErrorRecorded) return;
    if (paypal) paypal.credentialsErrorRecorded = false;
    await context.db.payPalAccount.updateMany({
      where: { id: 1, lastErrorCode: { not: null } },
      data: { lastErrorCode: null, lastErrorMessage: null, lastErrorAt: null },
    });
    return;
  }

  const description = describePayPalError(first.code);
  if (description.category !== 'credentials') return;

  context.log.error({ code: first.code }, 'PayPal refused the API credentials');
  if (paypal) paypal.credentialsErrorRecorded = true;
  await context.db.payPalAccount.updateMany({
    where: { id: 1 },
    data: {
      lastErrorCode: first.code,
      lastErrorMessage: `${description.merchantMessage.ja} / ${description.merchantMessage.en}`,
      lastErrorAt: context.services.now(),
    },
  });
}

import type { PrismaClient } from '@wholesale/db/client';
import type { PayPalEnvironment, PayPalPaymentAction } from '@wholesale/db/enums';
import { IPN_VERIFY_URLS } from '@wholesale/paypal/ipn';
import { NvpClient, PAYPAL_HOSTS } from '@wholesale/paypal/nvp';
import type { AppConfig } from '../config.ts';
import { DomainError } from '../errors.ts';
import type { SecretBox } from '../settings/secret-box.ts';

export interface PayPalConnection {
  client: NvpClient;
  environment: PayPalEnvironment;
  /** Base of the buyer redirect: `${checkoutUrl}/cgi-bin/webscr?cmd=_express-checkout…`. */
  checkoutUrl: string;
  /** Where IPN messages are posted back to be verified. */
  ipnVerifyUrl: string;
  /** Whether new PayPal payments are taken at once or authorized for a later capture. */
  paymentAction: PayPalPaymentAction;
  /** Whether a credentials error is on record for 決済設定, to be cleared by the next success. */
  credentialsErrorRecorded: boolean;
}

export class PayPalNotConfiguredError extends DomainError {
  constructor() {
    super('PAYPAL_NOT_CONFIGURED', 'PayPal API credentials are not set in the payment settings.');
  }
}

export function paypalEndpoints(environment: PayPalEnvironment, config: AppConfig) {
  if (environment === 'LIVE') {
    const { nvp, checkout } = PAYPAL_HOSTS.live;
    return { nvpUrl: nvp, checkoutUrl: checkout, ipnVerifyUrl: IPN_VERIFY_URLS.live };
  }
  if (environment === 'SANDBOX') {
    const { nvp, checkout } = PAYPAL_HOSTS.sandbox;
    return { nvpUrl: nvp, checkoutUrl: checkout, ipnVerifyUrl: IPN_VERIFY_URLS.sandbox };
  }

  return {
    ...config.paypalLocal,
    ipnVerifyUrl: `${config.paypalLocal.checkoutUrl}/cgi-bin/webscr`,
  };
}

/** Builds an NVP client from the merchant's stored credentials, decrypting the secrets. */
export async function connectPayPal(
  db: PrismaClient,
  config: AppConfig,
  secrets: SecretBox,
  fetchImpl?: typeof fetch,
): Promise<PayPalConnection> {
  const account = await db.payPalAccount.findUnique({ where: { id: 1 } });
  if (!account?.apiUsername || !account.apiPasswordEncrypted || !account.apiSignatureEncrypted) {
    throw new PayPalNotConfiguredError();
  }

  const { nvpUrl, checkoutUrl, ipnVerifyUrl } = paypalEndpoints(account.environment, config);
  const client = new NvpClient({
    endpoint: nvpUrl,
    credentials: {
      username: account.apiUsername,
      password: secrets.open(account.apiPasswordEncrypted),
      signature: secrets.open(account.apiSignatureEncrypted),
    },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });

  return {
    client,
    environment: account.environment,
    checkoutUrl,
    ipnVerifyUrl,
    paymentAction: account.paymentAction,
    credentialsErrorRecorded: account.lastErrorCode !== null,
  };
}

import type { PrismaClient } from '@wholesale/db/client';
import type { PayPalEnvironment } from '@wholesale/db/enums';
import { NvpClient, PAYPAL_HOSTS } from '@wholesale/paypal/nvp';
import type { AppConfig } from '../config.ts';
import { DomainError } from '../errors.ts';
import type { SecretBox } from '../settings/secret-box.ts';

export interface PayPalConnection {
  client: NvpClient;
  environment: PayPalEnvironment;
  /** Base of the buyer redirect: `${checkoutUrl}/cgi-bin/webscr?cmd=_express-checkout…`. */
  checkoutUrl: string;
}

export class PayPalNotConfiguredError extends DomainError {
  constructor() {
    super('PAYPAL_NOT_CONFIGURED', 'PayPal API credentials are not set in the payment settings.');
  }
}

export function paypalEndpoints(environment: PayPalEnvironment, config: AppConfig) {
  if (environment === 'LIVE')
    return { nvpUrl: PAYPAL_HOSTS.live.nvp, checkoutUrl: PAYPAL_HOSTS.live.checkout };
  if (environment === 'SANDBOX') {
    return { nvpUrl: PAYPAL_HOSTS.sandbox.nvp, checkoutUrl: PAYPAL_HOSTS.sandbox.checkout };
  }

  return config.paypalLocal;
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

  const { nvpUrl, checkoutUrl } = paypalEndpoints(account.environment, config);
  const client = new NvpClient({
    endpoint: nvpUrl,
    credentials: {
      username: account.apiUsername,
      password: secrets.open(account.apiPasswordEncrypted),
      signature: secrets.open(account.apiSignatureEncrypted),
    },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });

  return { client, environment: account.environment, checkoutUrl };
}

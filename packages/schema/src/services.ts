import type { PrismaClient } from '@wholesale/db/client';
import type { LoginThrottle } from './auth/throttle.ts';
import type { AppConfig } from './config.ts';
import type { MailTransport } from './email/outbox.ts';
import type { PayPalConnection } from './payments/paypal-account.ts';
import type { SecretBox } from './settings/secret-box.ts';

/** The long-lived parts of the application that resolvers call into. */
export interface Services {
  config: AppConfig;
  secrets: SecretBox;
  /** Connects to PayPal with the credentials currently stored in the payment settings. */
  paypal(db: PrismaClient): Promise<PayPalConnection>;
  mail: {
    transport: MailTransport;
    /** Asks the dispatcher to look at the outbox now instead of at its next tick. */
    wake(): void;
  };
  now(): Date;
  loginThrottle: LoginThrottle;
}

import { type WebhookTargets, webhookTargetsFromEnv } from './webhooks/targets.ts';

/** Settings the product reads from the environment; each has a default for the local setup. */
export interface AppConfig {
  /** Where buyers reach the storefront; PayPal sends them back here. */
  storefrontUrl: string;
  /** Where PayPal reaches the API from outside, for IPN: `${apiPublicUrl}/paypal/ipn`. */
  apiPublicUrl: string;
  /** The NVP endpoint and buyer redirect base used when the PayPal environment is LOCAL. */
  paypalLocal: { nvpUrl: string; checkoutUrl: string };
  /** 32 bytes for AES-256-GCM encryption of stored credentials. */
  secretKey: Buffer;
  /** Which addresses webhooks may be posted to (see webhooks/targets.ts). */
  webhookTargets: WebhookTargets;
}

export function configFromEnv(secretKey: Buffer, env = process.env): AppConfig {
  const sandboxPort = env.PAYPAL_SANDBOX_PORT ?? '4010';

  return {
    storefrontUrl: trimSlash(env.STOREFRONT_URL ?? `http://localhost:${env.WEB_PORT ?? '3000'}`),
    apiPublicUrl: trimSlash(env.API_PUBLIC_URL ?? `http://127.0.0.1:${env.API_PORT ?? '4000'}`),
    paypalLocal: {
      nvpUrl: env.PAYPAL_NVP_URL ?? `http://127.0.0.1:${sandboxPort}/nvp`,
      checkoutUrl: trimSlash(env.PAYPAL_CHECKOUT_URL ?? `http://localhost:${sandboxPort}`),
    },
    secretKey,
    webhookTargets: webhookTargetsFromEnv(env),
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

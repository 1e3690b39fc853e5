import type { NvpCredentials } from '../nvp/types.ts';
import type { SandboxBuyer } from './state.ts';

/** API credentials the local sandbox accepts by default. Not PayPal's: they work only here. */
export const DEMO_CREDENTIALS: NvpCredentials = {
  username: 'merchant_api1.wholesale.example',
  password: 'LOCALSANDBOX2026',
  signature: 'AFcWxV21C7fd0v3bYYYRCpSSRl31A-local-sandbox-signature',
};

/** The sandbox buyer who can log in on the local PayPal pages. */
export const DEMO_BUYER: SandboxBuyer = {
  email: 'paypal-buyer@example.com',
  password: 'paypal-demo',
  payerId: 'DEMOBUYER0000001',
  firstName: '太郎',
  lastName: '山田',
  status: 'verified',
  countryCode: 'JP',
};

import { NvpClient } from '../../src/nvp/client.ts';
import type { NvpPaymentRequest } from '../../src/nvp/types.ts';
import { DEMO_BUYER, DEMO_CREDENTIALS } from '../../src/sandbox/demo.ts';
import { createSandbox, type SandboxOptions } from '../../src/sandbox/server.ts';

export const OTHER_MERCHANT = {
  username: 'other_api1.shop.example',
  password: 'OTHERPASSWORD',
  signature: 'other-signature',
};

export const SECOND_BUYER = {
  email: 'second-buyer@example.com',
  password: 'second-demo',
  payerId: 'SECONDBUYER01',
};

export function teaOrder(invoiceId: string, overrides: Partial<NvpPaymentRequest> = {}) {
  const payment: NvpPaymentRequest = {
    currency: 'JPY',
    itemTotal: 4800,
    shipping: 600,
    tax: 480,
    total: 5880,
    lines: [
      { name: '煎茶 100g', sku: 'TEA-100', unitAmount: 1200, quantity: 3 },
      { name: '急須 <白>', sku: 'POT-1', unitAmount: 1200, quantity: 1 },
    ],
    invoiceId,
    ...overrides,
  };

  return payment;
}

/** A sandbox on 127.0.0.1 with a random port, and a client for its demo merchant. */
export async function startSandbox(options: Partial<SandboxOptions> = {}) {
  let clock = Date.parse('2026-03-01T00:00:00Z');
  const sandbox = createSandbox({
    credentials: [DEMO_CREDENTIALS, OTHER_MERCHANT],
    buyers: [DEMO_BUYER, SECOND_BUYER],
    now: () => clock,
    ipnRetryDelaysMs: [20, 20],
    ...options,
  });
  const running = await sandbox.listen(0);
  const client = new NvpClient({
    endpoint: `${running.url}/nvp`,
    credentials: DEMO_CREDENTIALS,
    timeoutMs: 5000,
  });

  const sim = async (path: string, body?: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  return {
    sandbox,
    url: running.url,
    client,
    sim,
    advance: (ms: number) => {
      clock += ms;
    },
    close: () => running.close(),
  };
}

export type TestSandbox = Awaited<ReturnType<typeof startSandbox>>;

export async function startCheckout(t: TestSandbox, invoiceId: string, returnUrl?: string) {
  const payment = teaOrder(invoiceId);
  const result = await t.client.setExpressCheckout({
    payment,
    returnUrl: returnUrl ?? 'http://127.0.0.1:3000/checkout/return?order=42',
    cancelUrl: 'http://127.0.0.1:3000/checkout/cancel?order=42',
    localeCode: 'ja_JP',
    brandName: '卸売ストア',
  });
  if (!result.ok) throw new Error(`SetExpressCheckout failed: ${JSON.stringify(result.errors)}`);

  return { token: result.value.token, payment };
}

/** Approves as the demo buyer and pays; returns the transaction id. */
export async function paidCheckout(
  t: TestSandbox,
  invoiceId: string,
  payment = teaOrder(invoiceId),
) {
  const set = await t.client.setExpressCheckout({
    payment,
    returnUrl: 'http://127.0.0.1:3000/r',
    cancelUrl: 'http://127.0.0.1:3000/c',
  });
  if (!set.ok) throw new Error(JSON.stringify(set.errors));

  const token = set.value.token;
  await t.sim('/sim/approve', { token });
  const paid = await t.client.doExpressCheckoutPayment({
    token,
    payerId: 'DEMOBUYER0000001',
    payment,
  });
  if (!paid.ok) throw new Error(JSON.stringify(paid.errors));

  return { token, transactionId: paid.value.transactionId };
}

/** Posts raw NVP fields, for requests the client would refuse to build. */
export async function postNvp(url: string, fields: Record<string, string>) {
  const response = await fetch(`${url}/nvp`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  return { response, text: await response.text() };
}

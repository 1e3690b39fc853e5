import { Writable } from 'node:stream';
import { DEMO_CREDENTIALS } from '@wholesale/paypal/sandbox-demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { completeReturnMutation, startCheckoutMutation } from './documents.ts';
import type { TestApp } from './harness.ts';
import {
  approveAtPayPal,
  demoLogins,
  failNextAtPayPal,
  productIdsBySku,
  startTestApp,
} from './harness.ts';
import { databaseKinds } from './test-database.ts';

/** Distinctive, with characters every encoding changes, so each form is a different string. */
const credentials = {
  username: DEMO_CREDENTIALS.username,
  password: 'Pw+Zq/9=x!Ωmérchant~7731',
  signature: 'Sig-A9+zz/Q=Rt.very~secret_signature_5509',
};
const wrongSignature = 'Wrong+Sig/Never=Shown~4242';

/** Every way a secret could be written down: as is, URL- or form-encoded, base64, JSON. */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const variants = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    JSON.stringify(secret).slice(1, -1),
    // All but the last four characters, which the masked hint shows.
    secret.slice(0, -4),
  ];

  return [...new Set(variants)];
}

describe.each(databaseKinds())('PayPal credentials through a whole checkout, on %s', (kind) => {
  let app: TestApp;
  const logLines: string[] = [];
  const responses: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ LOG_LEVEL: 'trace' }, stream);
    app = await startTestApp(kind, { log, paypalCredentials: [credentials] });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** A GraphQL call whose whole answer, status line, headers and body, is kept. */
  async function call(session: string | null, query: string, variables?: object) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (session) headers.cookie = `session=${session}`;
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.text();
    responses.push(`${response.status}\n${[...response.headers].join('\n')}\n${body}`);

    return JSON.parse(body);
  }

  const settingsMutation = /* GraphQL */ `
    mutation ($input: UpdatePaymentSettingsInput!) {
      updatePaymentSettings(input: $input) {
        __typename
        ... on UpdatePaymentSettingsPayload { settings { paypal { apiUsername apiPasswordHint apiSignatureHint } } }
        ... on Error { code message }
      }
    }
  `;
  const saveCredentials = (staff: string, signature: string) =>
    call(staff, settingsMutation, {
      input: {
        method: 'PAYPAL',
        enabled: true,
        enabledForNewMembers: true,
        description: 'PayPal',
        paypal: {
          environment: 'LOCAL',
          apiUsername: credentials.username,
          apiPassword: credentials.password,
          apiSignature: signature,
        },
      },
    });

  it('never writes the API password or signature to a log line or an answer', async () => {
    const staff = await app.logIn(demoLogins.staff);
    const buyer = await app.logIn(demoLogins.paypalMember);
    const saved = await saveCredentials(staff, credentials.signature);
    expect(saved.data.updatePaymentSettings.settings.paypal.apiPasswordHint).toBe('••••7731');

    // A refused signature, tested and then replaced.
    await saveCredentials(staff, wrongSignature);
    const refused = await call(staff, 'mutation { testPayPalConnection { ok code } }');
    expect(refused.data.testPayPalConnection).toEqual({ ok: false, code: '10002' });
    await saveCredentials(staff, credentials.signature);
    const accepted = await call(staff, 'mutation { testPayPalConnection { ok code } }');
    expect(accepted.data.testPayPalConnection).toEqual({ ok: true, code: null });

    // A checkout whose first payment PayPal declines, then one that goes through.
    const productId = (await productIdsBySku(app.graphql(buyer))).get('TW-1001');
    const start = () =>
      call(buyer, startCheckoutMutation, {
        input: { lines: [{ productId, quantity: 2 }], paymentMethod: 'PAYPAL' },
      });
    const declined = (await start()).data.startCheckout;
    await failNextAtPayPal(app, 'DoExpressCheckoutPayment', '10486');
    const retry = await call(buyer, completeReturnMutation, {
      input: await approveAtPayPal(app, declined.redirectUrl),
    });
    expect(retry.data.completePayPalReturn.__typename).toBe('PayPalError');
    const started = (await start()).data.startCheckout;
    const back = await approveAtPayPal(app, started.redirectUrl);
    const paid = await call(buyer, completeReturnMutation, { input: back });
    expect(paid.data.completePayPalReturn.order.paymentStatus).toBe('PAID');

    // The merchant reads the settings and the order, refunds a part and asks PayPal again.
    const orderId = started.order.id;
    await call(
      staff,
      '{ paymentSettings { paypal { apiUsername apiPasswordHint apiSignatureHint lastError { code message } } } }',
    );
    await call(
      staff,
      'query ($id: ID!) { order(id: $id) { number paypal { token payerId transactionId payerEmail } payments { status errorCode errorMessage } timeline { kind note } } }',
      { id: orderId },
    );
    const refund = await call(
      staff,
      'mutation ($id: ID!) { refundOrder(input: { orderId: $id, amount: 500, note: "一部返金" }) { __typename } }',
      { id: orderId },
    );
    expect(refund.data.refundOrder.__typename).toBe('RefundOrderPayload');
    await call(
      staff,
      'mutation ($id: ID!) { refreshOrderFromPayPal(orderId: $id) { __typename } }',
      {
        id: orderId,
      },
    );
    await app.processIpn();
    await app.deliverEmails();
    await call(
      staff,
      '{ auditLog(first: 50) { edges { node { action changes } } } emailMessages(first: 50) { edges { node { subject text lastError } } } }',
    );

    const written = [...logLines, ...responses, ...app.sent.map((mail) => JSON.stringify(mail))];
    const secrets = [credentials.password, credentials.signature, wrongSignature].flatMap(forms);
    const found = secrets.filter((secret) => written.some((text) => text.includes(secret)));

    expect(logLines.length).toBeGreaterThan(20);
    expect(logLines.join('')).toContain('PayPal refused the API credentials');
    expect(responses.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
});

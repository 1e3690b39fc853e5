import { NvpClient } from '@wholesale/paypal/nvp';
import { DEMO_CREDENTIALS } from '@wholesale/paypal/sandbox-demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeReturnMutation, startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import {
  approveAtPayPal,
  demoLogins,
  failNextAtPayPal,
  paypalTransactions,
  productIdsBySku,
  startTestApp,
} from './harness.ts';
import { databaseKinds } from './test-database.ts';

const orderQuery = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on Order {
        status paymentStatus total { amount }
        payments { status paypalTransactionId paypalAuthorizationId }
        refunds { amount { amount } status }
      }
    }
  }
`;

const captureMutation = /* GraphQL */ `
  mutation ($orderId: ID!) {
    capturePayment(orderId: $orderId) {
      __typename
      ... on CapturePaymentPayload { order { status paymentStatus } }
      ... on Error { code }
      ... on PayPalError { paypalCode }
    }
  }
`;

const cancelMutation = /* GraphQL */ `
  mutation ($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on CancelOrderPayload { order { status paymentStatus } }
      ... on Error { code }
      ... on PayPalError { paypalCode }
    }
  }
`;

const refundMutation = /* GraphQL */ `
  mutation ($input: RefundOrderInput!) {
    refundOrder(input: $input) {
      __typename
      ... on RefundOrderPayload { order { paymentStatus } }
      ... on Error { code }
    }
  }
`;

describe.each(databaseKinds())('PayPal authorizations, captured or voided, on %s', (kind) => {
  let app: TestApp;
  let buyer: GraphQLCaller;
  let staff: GraphQLCaller;
  let productIds: Map<string, string>;

  async function takePayPalPayments(paymentAction: 'SALE' | 'AUTHORIZATION') {
    const result = await staff(
      `mutation ($action: PayPalPaymentAction) { updatePaymentSettings(input: { method: PAYPAL, enabled: true, enabledForNewMembers: true, description: "PayPalでお支払い", paypal: { environment: LOCAL, apiUsername: "${DEMO_CREDENTIALS.username}", paymentAction: $action } }) { __typename ... on UpdatePaymentSettingsPayload { settings { paypal { paymentAction } } } } }`,
      { action: paymentAction },
    );
    expect(result.data.updatePaymentSettings.settings.paypal.paymentAction).toBe(paymentAction);
  }

  /** ¥990 × 2 + ¥800 shipping at 10%: ¥3,058 at PayPal. */
  async function startOrder() {
    return (
      await buyer(startCheckoutMutation, {
        input: {
          lines: [{ productId: productIds.get('TW-1001'), quantity: 1 }],
          paymentMethod: 'PAYPAL',
        },
      })
    ).data.startCheckout as { redirectUrl: string; order: { id: string; number: string } };
  }

  async function authorizedOrder() {
    const started = await startOrder();
    const returned = (
      await buyer(completeReturnMutation, {
        input: await approveAtPayPal(app, started.redirectUrl),
      })
    ).data.completePayPalReturn;
    expect(returned.order).toMatchObject({ status: 'NEW', paymentStatus: 'PENDING' });

    return started.order;
  }

  const read = async (id: string) => (await staff(orderQuery, { id })).data.node;
  const atPayPal = async (id: string) =>
    (
      (await paypalTransactions(app)) as unknown as { id: string; action: string; status: string }[]
    ).find((transaction) => transaction.id === id);
  const stockOf = async (sku: string) =>
    (await app.db.product.findUniqueOrThrow({ where: { sku } })).stock;

  beforeAll(async () => {
    app = await startTestApp(kind);
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    staff = app.graphql(await app.logIn(demoLogins.staff));
    productIds = await productIdsBySku(buyer);
    await takePayPalPayments('AUTHORIZATION');
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('authorizes at 注文確定, sends the order email, and captures once on 売上確定', async () => {
    const order = await authorizedOrder();
    const authorized = await read(order.id);
    const authorizationId = authorized.payments[0].paypalAuthorizationId;
    expect(authorized.payments).toEqual([
      {
        status: 'AUTHORIZED',
        paypalTransactionId: authorizationId,
        paypalAuthorizationId: authorizationId,
      },
    ]);
    expect(await atPayPal(authorizationId)).toMatchObject({
      action: 'Authorization',
      status: 'Pending',
    });
    await app.deliverEmails();
    expect(app.sent.filter((email) => email.subject.includes(order.number))).toHaveLength(1);

    const captured = (await staff(captureMutation, { orderId: order.id })).data.capturePayment;
    expect(captured).toEqual({
      __typename: 'CapturePaymentPayload',
      order: { status: 'NEW', paymentStatus: 'PAID' },
    });
    const paid = await read(order.id);
    const saleId = paid.payments[0].paypalTransactionId;
    expect(saleId).not.toBe(authorizationId);
    expect(paid.payments[0]).toEqual({
      status: 'COMPLETED',
      paypalTransactionId: saleId,
      paypalAuthorizationId: authorizationId,
    });
    expect(await atPayPal(saleId)).toMatchObject({ action: 'Sale', status: 'Completed' });
    expect(app.nvpCalls.filter((method) => method === 'DoCapture')).toHaveLength(1);

    // Nothing is left to capture or void; the money can only be refunded now, against the sale.
    expect((await staff(captureMutation, { orderId: order.id })).data.capturePayment).toEqual({
      __typename: 'AuthorizationNotOpenError',
      code: 'AUTHORIZATION_NOT_OPEN',
    });
    const refunded = (await staff(refundMutation, { input: { orderId: order.id } })).data
      .refundOrder;
    expect(refunded).toEqual({
      __typename: 'RefundOrderPayload',
      order: { paymentStatus: 'REFUNDED' },
    });
    expect(await atPayPal(saleId)).toMatchObject({ status: 'Refunded' });

    // The IPNs of the authorization and of the capture change nothing more.
    await app.processIpn();
    expect((await read(order.id)).paymentStatus).toBe('REFUNDED');
    await app.deliverEmails();
    expect(app.sent.filter((email) => email.subject.includes(order.number))).toHaveLength(2);
  });

  it('voids the authorization when the order is cancelled with its money given back', async () => {
    const order = await authorizedOrder();
    const authorizationId = (await read(order.id)).payments[0].paypalAuthorizationId;
    const stock = await stockOf('TW-1001');
    const callsBefore = app.nvpCalls.length;

    const cancelled = (
      await staff(cancelMutation, {
        input: { orderId: order.id, refundAtPayPal: true, note: '在庫切れ' },
      })
    ).data.cancelOrder;
    expect(cancelled).toEqual({
      __typename: 'CancelOrderPayload',
      order: { status: 'CANCELLED', paymentStatus: 'VOIDED' },
    });
    expect(await atPayPal(authorizationId)).toMatchObject({ status: 'Voided' });
    expect((await read(order.id)).payments[0].status).toBe('VOIDED');
    expect(await stockOf('TW-1001')).toBe(stock + 1);
    expect(app.nvpCalls.slice(callsBefore)).toEqual(['DoVoid']);

    await app.processIpn();
    expect(await read(order.id)).toMatchObject({ status: 'CANCELLED', paymentStatus: 'VOIDED' });
    expect((await staff(captureMutation, { orderId: order.id })).data.capturePayment.code).toBe(
      'AUTHORIZATION_NOT_OPEN',
    );
  });

  it('voids the authorization of a cancelled order even when the merchant only marks it', async () => {
    const order = await authorizedOrder();
    const authorizationId = (await read(order.id)).payments[0].paypalAuthorizationId;

    const cancelled = (
      await staff(cancelMutation, { input: { orderId: order.id, refundAtPayPal: false } })
    ).data.cancelOrder;
    expect(cancelled).toEqual({
      __typename: 'CancelOrderPayload',
      order: { status: 'CANCELLED', paymentStatus: 'VOIDED' },
    });
    expect(await atPayPal(authorizationId)).toMatchObject({ status: 'Voided' });
  });

  it('leaves the order as it was when PayPal refuses the void or the capture', async () => {
    const order = await authorizedOrder();
    const stock = await stockOf('TW-1001');

    await failNextAtPayPal(app, 'DoVoid', '10001');
    const refused = (
      await staff(cancelMutation, { input: { orderId: order.id, refundAtPayPal: true } })
    ).data.cancelOrder;
    expect(refused).toMatchObject({ __typename: 'PayPalError', paypalCode: '10001' });
    await failNextAtPayPal(app, 'DoCapture', '10601');
    const expired = (await staff(captureMutation, { orderId: order.id })).data.capturePayment;
    expect(expired).toMatchObject({ __typename: 'PayPalError', paypalCode: '10601' });

    expect(await read(order.id)).toMatchObject({
      status: 'NEW',
      paymentStatus: 'PENDING',
      payments: [{ status: 'AUTHORIZED' }],
    });
    expect(await stockOf('TW-1001')).toBe(stock);
  });

  it('records a capture made in PayPal’s own account when its IPN arrives', async () => {
    const order = await authorizedOrder();
    const authorizationId = (await read(order.id)).payments[0].paypalAuthorizationId;
    await app.processIpn();

    const merchantAtPayPal = new NvpClient({
      endpoint: `${app.paypal.url}/nvp`,
      credentials: DEMO_CREDENTIALS,
    });
    const capture = await merchantAtPayPal.doCapture({
      authorizationId,
      amount: 3058,
      currency: 'JPY',
    });
    expect(capture.ok).toBe(true);

    // Before its IPN is in, 「PayPalから更新」 can only tell the merchant.
    const refreshed = (
      await staff(
        'mutation ($id: ID!) { refreshOrderFromPayPal(orderId: $id) { ... on RefreshOrderFromPayPalPayload { findings order { paymentStatus } } } }',
        { id: order.id },
      )
    ).data.refreshOrderFromPayPal;
    expect(refreshed).toEqual({
      findings: [
        'PayPal shows the authorization captured, but this shop has no record of the capture.',
      ],
      order: { paymentStatus: 'PENDING' },
    });
    await app.processIpn();

    const paid = await read(order.id);
    expect(paid.paymentStatus).toBe('PAID');
    expect(paid.payments[0]).toMatchObject({
      status: 'COMPLETED',
      paypalTransactionId: capture.ok ? capture.value.transactionId : '',
      paypalAuthorizationId: authorizationId,
    });
  });

  it('pays a checkout begun as a sale as a sale, whatever the setting says by the return', async () => {
    await takePayPalPayments('SALE');
    const started = await startOrder();
    await takePayPalPayments('AUTHORIZATION');
    const returned = (
      await buyer(completeReturnMutation, {
        input: await approveAtPayPal(app, started.redirectUrl),
      })
    ).data.completePayPalReturn;

    expect(returned.order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    expect((await read(started.order.id)).payments[0]).toMatchObject({
      status: 'COMPLETED',
      paypalAuthorizationId: null,
    });
  });
});

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
        number status paymentStatus availableStatusChanges total { amount }
        refunds { amount { amount } status paypalRefundTransactionId }
        timeline { actorType kind fromValue toValue }
      }
    }
  }
`;

const refundMutation = /* GraphQL */ `
  mutation ($input: RefundOrderInput!) {
    refundOrder(input: $input) {
      __typename
      ... on RefundOrderPayload { order { paymentStatus } }
      ... on Error { code message }
      ... on PayPalError { paypalCode }
      ... on ValidationError { field }
    }
  }
`;

const cancelMutation = /* GraphQL */ `
  mutation ($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on CancelOrderPayload { order { status paymentStatus } }
      ... on Error { code message }
      ... on PayPalError { paypalCode }
    }
  }
`;

const statusMutation = /* GraphQL */ `
  mutation ($input: UpdateOrderStatusInput!) {
    updateOrderStatus(input: $input) {
      __typename
      ... on UpdateOrderStatusPayload { order { status } }
      ... on IllegalStatusChangeError { code from to }
    }
  }
`;

describe.each(databaseKinds())('after the sale, on %s', (kind) => {
  let app: TestApp;
  let buyer: GraphQLCaller;
  let staff: GraphQLCaller;
  let productIds: Map<string, string>;

  beforeAll(async () => {
    app = await startTestApp(kind);
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    staff = app.graphql(await app.logIn(demoLogins.staff));
    productIds = await productIdsBySku(buyer);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** A PayPal order of ¥10,476 + ¥956 tax (free shipping): ¥11,432 paid. */
  async function paidOrder() {
    const started = (
      await buyer(startCheckoutMutation, {
        input: {
          lines: [
            { productId: productIds.get('TW-1001'), quantity: 3 },
            { productId: productIds.get('FD-3003'), quantity: 7 },
          ],
          paymentMethod: 'PAYPAL',
        },
      })
    ).data.startCheckout;
    await buyer(completeReturnMutation, { input: await approveAtPayPal(app, started.redirectUrl) });

    return started.order as { id: string; number: string };
  }

  const read = async (id: string) => (await staff(orderQuery, { id })).data.node;
  const refundsAtPayPal = async (number: string) =>
    (await paypalTransactions(app)).find(
      (transaction) => transaction.invoiceId === number,
    ) as unknown as {
      status: string;
      refundedAmount: number;
    };

  it('cancels a paid order with a full refund at PayPal, and tells the buyer', async () => {
    const order = await paidOrder();
    const stockBefore = (await app.db.product.findUniqueOrThrow({ where: { sku: 'TW-1001' } }))
      .stock;
    const result = (
      await staff(cancelMutation, {
        input: { orderId: order.id, refundAtPayPal: true, note: '欠品のため' },
      })
    ).data.cancelOrder;

    expect(result).toMatchObject({ order: { status: 'CANCELLED', paymentStatus: 'REFUNDED' } });
    expect(await refundsAtPayPal(order.number)).toMatchObject({
      status: 'Refunded',
      refundedAmount: 11432,
    });
    const stored = await read(order.id);
    expect(stored.refunds).toEqual([
      {
        amount: { amount: 11432 },
        status: 'COMPLETED',
        paypalRefundTransactionId: expect.stringMatching(/^[A-Z0-9]{17}$/),
      },
    ]);
    expect(
      stored.timeline.map(
        (event: { kind: string; toValue: string }) => `${event.kind}:${event.toValue}`,
      ),
    ).toEqual([
      'PLACED:PAYMENT_INCOMPLETE',
      'ORDER_STATUS:NEW',
      'PAYMENT_STATUS:PAID',
      'PAYMENT_STATUS:REFUNDED',
      'ORDER_STATUS:CANCELLED',
    ]);
    expect((await app.db.product.findUniqueOrThrow({ where: { sku: 'TW-1001' } })).stock).toBe(
      stockBefore + 3,
    );
    await app.deliverEmails();
    expect(
      app.sent.filter(
        (email) =>
          email.subject ===
          `【返金のお知らせ】ご注文番号 ${order.number} / Refund for order ${order.number}`,
      ),
    ).toHaveLength(1);
  });

  it('refunds part, then the rest, and refuses more than remains', async () => {
    const order = await paidOrder();

    const part = (await staff(refundMutation, { input: { orderId: order.id, amount: 1432 } })).data
      .refundOrder;
    expect(part.order.paymentStatus).toBe('PARTIALLY_REFUNDED');
    const tooMuch = (await staff(refundMutation, { input: { orderId: order.id, amount: 10001 } }))
      .data.refundOrder;
    expect(tooMuch).toMatchObject({ __typename: 'ValidationError', field: 'amount' });
    const rest = (await staff(refundMutation, { input: { orderId: order.id } })).data.refundOrder;
    expect(rest.order.paymentStatus).toBe('REFUNDED');

    expect(await refundsAtPayPal(order.number)).toMatchObject({
      status: 'Refunded',
      refundedAmount: 11432,
    });
    expect(
      (await read(order.id)).refunds.map(
        (refund: { amount: { amount: number } }) => refund.amount.amount,
      ),
    ).toEqual([1432, 10000]);
    const nothingLeft = (await staff(refundMutation, { input: { orderId: order.id } })).data
      .refundOrder;
    expect(nothingLeft).toMatchObject({
      __typename: 'RefundNotPossibleError',
      code: 'REFUND_NOT_POSSIBLE',
    });
  });

  it('leaves the order as it was, with PayPal’s message, when PayPal refuses the refund', async () => {
    const order = await paidOrder();
    await failNextAtPayPal(app, 'RefundTransaction', '10009');
    const result = (
      await staff(cancelMutation, { input: { orderId: order.id, refundAtPayPal: true } })
    ).data.cancelOrder;

    expect(result).toMatchObject({ __typename: 'PayPalError', paypalCode: '10009' });
    expect(await read(order.id)).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });
    expect((await read(order.id)).refunds).toEqual([
      { amount: { amount: 11432 }, status: 'FAILED', paypalRefundTransactionId: null },
    ]);
  });

  it('offers only legal status changes and refuses the others with a typed error', async () => {
    const order = await paidOrder();
    expect((await read(order.id)).availableStatusChanges).toEqual([
      'PROCESSING',
      'ON_HOLD',
      'SHIPPED',
      'CANCELLED',
    ]);

    const shipped = (
      await staff(statusMutation, { input: { orderId: order.id, status: 'SHIPPED' } })
    ).data.updateOrderStatus;
    expect(shipped.order.status).toBe('SHIPPED');
    expect((await read(order.id)).availableStatusChanges).toEqual(['COMPLETED']);
    const back = (
      await staff(statusMutation, { input: { orderId: order.id, status: 'PROCESSING' } })
    ).data.updateOrderStatus;
    expect(back).toEqual({
      __typename: 'IllegalStatusChangeError',
      code: 'ILLEGAL_STATUS_CHANGE',
      from: 'SHIPPED',
      to: 'PROCESSING',
    });
  });

  it('changes many orders at once, listing those that cannot move', async () => {
    const first = await paidOrder();
    const second = await paidOrder();
    await staff(statusMutation, { input: { orderId: second.id, status: 'CANCELLED' } });
    const result = await staff(
      'mutation ($input: UpdateOrderStatusesInput!) { updateOrderStatuses(input: $input) { ... on UpdateOrderStatusesPayload { changed { number status } failures { orderId code } } } }',
      { input: { orderIds: [first.id, second.id], status: 'PROCESSING' } },
    );

    expect(result.data.updateOrderStatuses).toEqual({
      changed: [{ number: first.number, status: 'PROCESSING' }],
      failures: [{ orderId: second.id, code: 'ILLEGAL_STATUS_CHANGE' }],
    });

    // More than 200 at once is refused as a whole, with a reason the caller can show.
    const tooMany = await staff(
      'mutation ($input: UpdateOrderStatusesInput!) { updateOrderStatuses(input: $input) { __typename ... on ValidationError { field message } } }',
      { input: { orderIds: Array(201).fill(first.id), status: 'ON_HOLD' } },
    );
    expect(tooMany.data.updateOrderStatuses).toEqual({
      __typename: 'ValidationError',
      field: 'orderIds',
      message: 'At most 200 orders at once.',
    });
    expect((await read(first.id)).status).toBe('PROCESSING');
  });

  it('lets an ORDERS_WRITE token change status, but not an ORDERS_READ one, and records who', async () => {
    const order = await paidOrder();
    const token = async (scopes: string) =>
      (
        await staff(
          `mutation { createApiToken(input: { name: "t", scopes: [${scopes}] }) { ... on CreateApiTokenPayload { token } } }`,
        )
      ).data.createApiToken.token;
    const reader = app.graphql(null, await token('ORDERS_READ'));
    const writer = app.graphql(null, await token('ORDERS_READ, ORDERS_WRITE'));

    const refused = await reader(statusMutation, {
      input: { orderId: order.id, status: 'PROCESSING' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await writer(statusMutation, {
      input: { orderId: order.id, status: 'PROCESSING' },
    });
    expect(done.data.updateOrderStatus.order.status).toBe('PROCESSING');
    expect((await read(order.id)).timeline.at(-1)).toMatchObject({
      actorType: 'API_TOKEN',
      kind: 'ORDER_STATUS',
      fromValue: 'NEW',
      toValue: 'PROCESSING',
    });
    const byMember = await buyer(statusMutation, {
      input: { orderId: order.id, status: 'CANCELLED' },
    });
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A token that only changes orders reads the order it changed in the answer.
    const writerOnly = app.graphql(null, await token('ORDERS_WRITE'));
    const shipped = await writerOnly(statusMutation, {
      input: { orderId: order.id, status: 'SHIPPED' },
    });
    expect(shipped.errors).toBeUndefined();
    expect(shipped.data.updateOrderStatus.order.status).toBe('SHIPPED');
  });
});

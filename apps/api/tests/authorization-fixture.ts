import { encodeGlobalID } from '@pothos/plugin-relay';
import { completeReturnMutation, startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { approveAtPayPal, demoLogins, productIdsBySku } from './harness.ts';

/** Everyone who may knock: nobody, two members, the merchant and a token of each scope. */
export const principals = [
  'anonymous',
  'memberA',
  'memberB',
  'staff',
  'ORDERS_READ',
  'MEMBERS_READ',
  'ORDERS_WRITE',
] as const;

export type Principal = (typeof principals)[number];

/** What one member owns, and what would betray it in someone else's answer. */
export interface MemberData {
  memberId: string;
  email: string;
  companyName: string;
  orderIds: string[];
  orderNumbers: string[];
  /** Strings found only in this member's data: ids, email, company, PayPal references. */
  markers: string[];
}

export interface AuthorizationFixture {
  callers: Record<Principal, GraphQLCaller>;
  /** A caller with a session of its own, for what ends a session (log out). */
  freshCaller(principal: Principal): Promise<GraphQLCaller>;
  tokens: Record<'ORDERS_READ' | 'MEMBERS_READ' | 'ORDERS_WRITE', { token: string; id: string }>;
  a: MemberData & {
    paidOrderId: string;
    /** Approved at PayPal, never completed: money the wrong caller could try to take. */
    approvedOrderId: string;
    approvedToken: string;
    approvedPayerId: string;
  };
  b: MemberData;
  productId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** A well-formed global id that names no row. */
  missing(type: string): string;
}

const createToken = /* GraphQL */ `
  mutation ($scope: ApiScope!) {
    createApiToken(input: { name: "matrix", scopes: [$scope] }) {
      ... on CreateApiTokenPayload { token apiToken { id } }
    }
  }
`;

/**
 * Member A pays one order with PayPal and leaves one approved but unpaid; member B places a
 * bank transfer order; a webhook endpoint gets deliveries; a token of each scope exists.
 */
export async function buildAuthorizationFixture(app: TestApp): Promise<AuthorizationFixture> {
  const staff = app.graphql(await app.logIn(demoLogins.staff));
  const memberA = app.graphql(await app.logIn(demoLogins.paypalMember));
  const memberB = app.graphql(await app.logIn(demoLogins.transferMember));

  const endpoint = await staff(
    'mutation { createWebhookEndpoint(url: "http://127.0.0.1:9/hooks", events: ["order.created"]) { ... on CreateWebhookEndpointPayload { endpoint { id } } } }',
  );
  const productId = (await productIdsBySku(memberA)).get('TW-1001') ?? '';
  const place = async (caller: GraphQLCaller, paymentMethod: string) =>
    (
      await caller(startCheckoutMutation, {
        input: { lines: [{ productId, quantity: 1 }], paymentMethod },
      })
    ).data.startCheckout;

  const paid = await place(memberA, 'PAYPAL');
  const paidReturn = await approveAtPayPal(app, paid.redirectUrl);
  const completed = (await memberA(completeReturnMutation, { input: paidReturn })).data
    .completePayPalReturn.order.paypal;
  const approved = await place(memberA, 'PAYPAL');
  const approvedReturn = await approveAtPayPal(app, approved.redirectUrl);
  const transfer = await place(memberB, 'BANK_TRANSFER');

  const viewer = async (caller: GraphQLCaller) =>
    (await caller('{ viewer { email member { id companyName } } }')).data.viewer;
  const aViewer = await viewer(memberA);
  const bViewer = await viewer(memberB);
  const tokens = {} as AuthorizationFixture['tokens'];
  for (const scope of ['ORDERS_READ', 'MEMBERS_READ', 'ORDERS_WRITE'] as const) {
    const created = (await staff(createToken, { scope })).data.createApiToken;
    tokens[scope] = { token: created.token, id: created.apiToken.id };
  }
  const endpointId = endpoint.data.createWebhookEndpoint.endpoint.id;
  const delivery = await app.db.webhookDelivery.findFirstOrThrow();

  const aOrders = [paid.order, approved.order];
  const callers: Record<Principal, GraphQLCaller> = {
    anonymous: app.graphql(),
    memberA,
    memberB,
    staff,
    ORDERS_READ: app.graphql(null, tokens.ORDERS_READ.token),
    MEMBERS_READ: app.graphql(null, tokens.MEMBERS_READ.token),
    ORDERS_WRITE: app.graphql(null, tokens.ORDERS_WRITE.token),
  };
  const logins: Partial<Record<Principal, { email: string; password: string }>> = {
    memberA: demoLogins.paypalMember,
    memberB: demoLogins.transferMember,
    staff: demoLogins.staff,
  };

  return {
    callers,
    async freshCaller(principal) {
      const login = logins[principal];

      return login ? app.graphql(await app.logIn(login)) : callers[principal];
    },
    tokens,
    a: {
      memberId: aViewer.member.id,
      email: aViewer.email,
      companyName: aViewer.member.companyName,
      orderIds: aOrders.map((order) => order.id),
      orderNumbers: aOrders.map((order) => order.number),
      markers: [
        aViewer.member.id,
        aViewer.email,
        aViewer.member.companyName,
        ...aOrders.map((order) => order.id),
        completed.token,
        completed.transactionId,
        completed.payerEmail,
        approvedReturn.token,
      ],
      paidOrderId: paid.order.id,
      approvedOrderId: approved.order.id,
      approvedToken: approvedReturn.token,
      approvedPayerId: approvedReturn.payerId,
    },
    b: {
      memberId: bViewer.member.id,
      email: bViewer.email,
      companyName: bViewer.member.companyName,
      orderIds: [transfer.order.id],
      orderNumbers: [transfer.order.number],
      markers: [bViewer.member.id, bViewer.email, bViewer.member.companyName, transfer.order.id],
    },
    productId,
    webhookEndpointId: endpointId,
    webhookDeliveryId: encodeGlobalID('WebhookDelivery', delivery.id),
    missing: (type) => encodeGlobalID(type, '0190a000-0000-7000-8000-000000000000'),
  };
}

/**
 * Everything a caller could change, as one comparable value. Sessions are left out (reading
 * renews them) and so is when a token was last used.
 */
export async function databaseState(app: TestApp) {
  const { db } = app;
  const tokens = await db.apiToken.findMany({ orderBy: { id: 'asc' } });

  return JSON.stringify({
    users: await db.user.findMany({ orderBy: { id: 'asc' } }),
    members: await db.member.findMany({ orderBy: { id: 'asc' } }),
    tokens: tokens.map(({ lastUsedAt: _lastUsedAt, ...token }) => token),
    products: await db.product.findMany({ orderBy: { id: 'asc' } }),
    orders: await db.order.findMany({ orderBy: { id: 'asc' } }),
    payments: await db.payment.findMany({ orderBy: { id: 'asc' } }),
    refunds: await db.refund.findMany({ orderBy: { id: 'asc' } }),
    events: await db.orderEvent.findMany({ orderBy: { id: 'asc' } }),
    emails: await db.emailMessage.findMany({ orderBy: { id: 'asc' } }),
    audit: await db.auditEntry.findMany({ orderBy: { id: 'asc' } }),
    endpoints: await db.webhookEndpoint.findMany({ orderBy: { id: 'asc' } }),
    deliveries: await db.webhookDelivery.findMany({ orderBy: { id: 'asc' } }),
    methods: await db.paymentMethodSetting.findMany({ orderBy: { method: 'asc' } }),
    shop: await db.shopSettings.findMany(),
    paypal: await db.payPalAccount.findMany(),
    paypalCalls: app.nvpCalls.length,
  });
}

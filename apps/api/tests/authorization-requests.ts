import type { AuthorizationFixture } from './authorization-fixture.ts';

export interface MatrixRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * How to knock on one field. `probe` is what an allowed caller sends: harmless, so the matrix
 * can run every cell against one database. `attack` is what a caller who should be refused (or
 * see nothing) sends: aimed at member A's data, so a missing rule would change something.
 */
export interface FieldRequests {
  probe(f: AuthorizationFixture): MatrixRequest;
  attack?(f: AuthorizationFixture): MatrixRequest;
  /** Log out ends the caller's session; it runs on a session of its own. */
  freshSession?: boolean;
}

const typename = '__typename ... on Error { code }';
const mutation = (field: string, args: string, selection = typename) =>
  `mutation ($input: ${args}) { ${field}(input: $input) { ${selection} } }`;
const byId = (field: string, variable = 'id') =>
  `mutation ($id: ID!) { ${field}(${variable}: $id) { ${typename} } }`;

export const queryRequests: Record<string, FieldRequests> = {
  apiTokens: { probe: () => ({ query: '{ apiTokens { id name } }' }) },
  auditLog: { probe: () => ({ query: '{ auditLog(first: 5) { edges { node { id } } } }' }) },
  checkoutPaymentMethods: { probe: () => ({ query: '{ checkoutPaymentMethods { method } }' }) },
  checkoutQuote: {
    probe: (f) => ({
      query:
        'query ($id: ID!) { checkoutQuote(lines: [{ productId: $id, quantity: 1 }]) { __typename ... on CheckoutQuote { total { amount } } } }',
      variables: { id: f.productId },
    }),
  },
  emailMessages: {
    probe: () => ({ query: '{ emailMessages(first: 5) { edges { node { id to } } } }' }),
  },
  member: {
    probe: (f) => ({
      query: 'query ($id: ID!) { member(id: $id) { id email companyName } }',
      variables: { id: f.a.memberId },
    }),
  },
  members: {
    probe: () => ({
      query: '{ members(first: 50) { totalCount edges { node { id email companyName } } } }',
    }),
  },
  membersCsv: { probe: () => ({ query: '{ membersCsv }' }) },
  node: {
    probe: (f) => ({
      query: 'query ($id: ID!) { node(id: $id) { id ... on Order { number } } }',
      variables: { id: f.a.paidOrderId },
    }),
  },
  nodes: {
    probe: (f) => ({
      query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: [f.a.paidOrderId] },
    }),
  },
  order: {
    probe: (f) => ({
      query: 'query ($id: ID!) { order(id: $id) { id number total { amount } } }',
      variables: { id: f.a.paidOrderId },
    }),
  },
  orders: {
    probe: () => ({
      query: '{ orders(first: 50) { totalCount edges { node { id number companyName } } } }',
    }),
  },
  ordersCsv: { probe: () => ({ query: '{ ordersCsv }' }) },
  paymentSettings: {
    probe: () => ({ query: '{ paymentSettings { paypal { apiUsername apiPasswordHint } } }' }),
  },
  product: {
    probe: (f) => ({
      query: 'query ($id: ID!) { product(id: $id) { id sku } }',
      variables: { id: f.productId },
    }),
  },
  products: { probe: () => ({ query: '{ products(first: 5) { edges { node { id sku } } } }' }) },
  shopSettings: { probe: () => ({ query: '{ shopSettings { shippingFee { amount } } }' }) },
  viewer: { probe: () => ({ query: '{ viewer { id email member { id companyName } } }' }) },
  webhookEndpoints: { probe: () => ({ query: '{ webhookEndpoints { id url } }' }) },
};

export const mutationRequests: Record<string, FieldRequests> = {
  cancelOrder: {
    probe: (f) => ({
      query: mutation('cancelOrder', 'CancelOrderInput!'),
      variables: { input: { orderId: f.missing('Order'), refundAtPayPal: false } },
    }),
    attack: (f) => ({
      query: mutation('cancelOrder', 'CancelOrderInput!'),
      variables: { input: { orderId: f.a.paidOrderId, refundAtPayPal: true } },
    }),
  },
  cancelPayPalReturn: {
    probe: () => ({
      query: mutation('cancelPayPalReturn', 'CancelPayPalReturnInput!'),
      variables: { input: { token: 'EC-NOSUCHTOKEN0000' } },
    }),
    attack: (f) => ({
      query: mutation('cancelPayPalReturn', 'CancelPayPalReturnInput!'),
      variables: { input: { token: f.a.approvedToken } },
    }),
  },
  capturePayment: {
    probe: (f) => ({
      query: byId('capturePayment', 'orderId'),
      variables: { id: f.missing('Order') },
    }),
    attack: (f) => ({
      query: byId('capturePayment', 'orderId'),
      variables: { id: f.a.paidOrderId },
    }),
  },
  completePayPalReturn: {
    probe: () => ({
      query: mutation('completePayPalReturn', 'CompletePayPalReturnInput!'),
      variables: { input: { token: 'EC-NOSUCHTOKEN0000', payerId: 'NOBODY' } },
    }),
    attack: (f) => ({
      query: mutation('completePayPalReturn', 'CompletePayPalReturnInput!'),
      variables: { input: { token: f.a.approvedToken, payerId: f.a.approvedPayerId } },
    }),
  },
  createApiToken: {
    probe: () => ({
      query: mutation('createApiToken', 'CreateApiTokenInput!'),
      variables: { input: { name: ' ', scopes: ['ORDERS_READ'] } },
    }),
    attack: () => ({
      query: mutation(
        'createApiToken',
        'CreateApiTokenInput!',
        `${typename} ... on CreateApiTokenPayload { token }`,
      ),
      variables: {
        input: { name: 'mine', scopes: ['ORDERS_READ', 'MEMBERS_READ', 'ORDERS_WRITE'] },
      },
    }),
  },
  createMember: {
    probe: () => ({
      query: mutation('createMember', 'CreateMemberInput!'),
      variables: {
        input: { email: 'not-an-email', password: 'x', companyName: 'x', contactName: 'x' },
      },
    }),
    attack: () => ({
      query: mutation('createMember', 'CreateMemberInput!'),
      variables: {
        input: {
          email: 'intruder@example.com',
          password: 'a-long-password',
          companyName: '株式会社侵入',
          contactName: '侵入 太郎',
        },
      },
    }),
  },
  createProduct: {
    probe: () => ({
      query: mutation('createProduct', 'ProductInput!'),
      variables: { input: { sku: '', nameJa: 'x', nameEn: 'x', price: 1, taxRate: 10, stock: 1 } },
    }),
    attack: () => ({
      query: mutation('createProduct', 'ProductInput!'),
      variables: {
        input: { sku: 'XX-9999', nameJa: '偽物', nameEn: 'Fake', price: 1, taxRate: 10, stock: 1 },
      },
    }),
  },
  createWebhookEndpoint: {
    probe: () => ({
      query:
        'mutation { createWebhookEndpoint(url: "ftp://127.0.0.1/", events: ["order.created"]) { __typename ... on Error { code } } }',
    }),
    attack: () => ({
      query:
        'mutation { createWebhookEndpoint(url: "http://127.0.0.1:9/steal", events: ["order.created", "order.updated"]) { __typename ... on CreateWebhookEndpointPayload { secret } } }',
    }),
  },
  deleteWebhookEndpoint: {
    probe: (f) => ({
      query: 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      variables: { id: f.missing('WebhookEndpoint') },
    }),
    attack: (f) => ({
      query: 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      variables: { id: f.webhookEndpointId },
    }),
  },
  setWebhookEndpointActive: {
    probe: (f) => ({
      query:
        'mutation ($id: ID!) { setWebhookEndpointActive(id: $id, active: false) { __typename } }',
      variables: { id: f.missing('WebhookEndpoint') },
    }),
    attack: (f) => ({
      query:
        'mutation ($id: ID!) { setWebhookEndpointActive(id: $id, active: false) { __typename } }',
      variables: { id: f.webhookEndpointId },
    }),
  },
  importMembersCsv: {
    probe: () => ({
      query:
        'mutation ($csv: String!) { importMembersCsv(csv: $csv, dryRun: true) { __typename } }',
      variables: { csv: 'email,company_name,contact_name,payment_methods\n' },
    }),
    attack: (f) => ({
      query: 'mutation ($csv: String!) { importMembersCsv(csv: $csv) { __typename } }',
      variables: {
        csv: `email,company_name,contact_name,payment_methods\n${f.b.email},乗っ取り,x,PAYPAL BANK_TRANSFER\n`,
      },
    }),
  },
  logIn: {
    probe: () => ({
      query: mutation('logIn', 'LogInInput!'),
      variables: { input: { email: 'nobody@example.com', password: 'not-the-password' } },
    }),
  },
  logOut: { probe: () => ({ query: 'mutation { logOut }' }), freshSession: true },
  payOrder: {
    // Invoice is not allowed to member A: refused after the order was found, so nothing moves.
    probe: (f) => ({
      query: mutation('payOrder', 'PayOrderInput!'),
      variables: { input: { orderId: f.a.approvedOrderId, paymentMethod: 'INVOICE' } },
    }),
    attack: (f) => ({
      query: mutation('payOrder', 'PayOrderInput!'),
      variables: { input: { orderId: f.a.approvedOrderId, paymentMethod: 'BANK_TRANSFER' } },
    }),
  },
  redeliverWebhook: {
    probe: (f) => ({
      query: byId('redeliverWebhook', 'deliveryId'),
      variables: { id: f.missing('WebhookDelivery') },
    }),
    attack: (f) => ({
      query: byId('redeliverWebhook', 'deliveryId'),
      variables: { id: f.webhookDeliveryId },
    }),
  },
  refreshOrderFromPayPal: {
    probe: (f) => ({
      query: byId('refreshOrderFromPayPal', 'orderId'),
      variables: { id: f.missing('Order') },
    }),
    attack: (f) => ({
      query: byId('refreshOrderFromPayPal', 'orderId'),
      variables: { id: f.a.paidOrderId },
    }),
  },
  refundOrder: {
    probe: (f) => ({
      query: mutation('refundOrder', 'RefundOrderInput!'),
      variables: { input: { orderId: f.missing('Order') } },
    }),
    attack: (f) => ({
      query: mutation('refundOrder', 'RefundOrderInput!'),
      variables: { input: { orderId: f.a.paidOrderId } },
    }),
  },
  revokeApiToken: {
    probe: (f) => ({
      query: byId('revokeApiToken'),
      variables: { id: f.missing('ApiToken') },
    }),
    attack: (f) => ({
      query: byId('revokeApiToken'),
      variables: { id: f.tokens.ORDERS_READ.id },
    }),
  },
  sendPaymentReminder: {
    probe: (f) => ({
      query: byId('sendPaymentReminder', 'orderId'),
      variables: { id: f.missing('Order') },
    }),
    attack: (f) => ({
      query: byId('sendPaymentReminder', 'orderId'),
      variables: { id: f.a.approvedOrderId },
    }),
  },
  setMembersPaymentMethod: {
    probe: (f) => ({
      query: mutation('setMembersPaymentMethod', 'SetMembersPaymentMethodInput!'),
      variables: {
        input: { memberIds: [f.b.memberId], method: 'PAYPAL', allowed: true, dryRun: true },
      },
    }),
    attack: (f) => ({
      query: mutation('setMembersPaymentMethod', 'SetMembersPaymentMethodInput!'),
      variables: { input: { memberIds: [f.b.memberId], method: 'PAYPAL', allowed: true } },
    }),
  },
  startCheckout: {
    probe: (f) => ({
      query: mutation('startCheckout', 'StartCheckoutInput!'),
      variables: {
        input: { lines: [{ productId: f.productId, quantity: 0 }], paymentMethod: 'BANK_TRANSFER' },
      },
    }),
    attack: (f) => ({
      query: mutation('startCheckout', 'StartCheckoutInput!'),
      variables: {
        input: { lines: [{ productId: f.productId, quantity: 1 }], paymentMethod: 'BANK_TRANSFER' },
      },
    }),
  },
  testPayPalConnection: {
    probe: () => ({ query: 'mutation { testPayPalConnection { ok } }' }),
  },
  updateMember: {
    probe: (f) => ({
      query: mutation('updateMember', 'UpdateMemberInput!'),
      variables: { input: { id: f.missing('Member'), companyName: 'x' } },
    }),
    attack: (f) => ({
      query: mutation('updateMember', 'UpdateMemberInput!'),
      variables: {
        input: { id: f.b.memberId, allowedPaymentMethods: ['PAYPAL', 'BANK_TRANSFER'] },
      },
    }),
  },
  updateOrderStatus: {
    probe: (f) => ({
      query: mutation('updateOrderStatus', 'UpdateOrderStatusInput!'),
      variables: { input: { orderId: f.missing('Order'), status: 'PROCESSING' } },
    }),
    attack: (f) => ({
      query: mutation('updateOrderStatus', 'UpdateOrderStatusInput!'),
      variables: { input: { orderId: f.a.paidOrderId, status: 'SHIPPED' } },
    }),
  },
  updateOrderStatuses: {
    probe: (f) => ({
      query: mutation(
        'updateOrderStatuses',
        'UpdateOrderStatusesInput!',
        '... on UpdateOrderStatusesPayload { failures { code } }',
      ),
      variables: { input: { orderIds: [f.missing('Order')], status: 'PROCESSING' } },
    }),
    attack: (f) => ({
      query: mutation(
        'updateOrderStatuses',
        'UpdateOrderStatusesInput!',
        '... on UpdateOrderStatusesPayload { failures { code } }',
      ),
      variables: { input: { orderIds: [f.a.paidOrderId], status: 'SHIPPED' } },
    }),
  },
  updatePaymentSettings: {
    probe: () => ({
      query: mutation('updatePaymentSettings', 'UpdatePaymentSettingsInput!'),
      variables: {
        input: {
          method: 'INVOICE',
          enabled: false,
          enabledForNewMembers: false,
          description: '',
          fee: -1,
        },
      },
    }),
    attack: () => ({
      query: mutation('updatePaymentSettings', 'UpdatePaymentSettingsInput!'),
      variables: {
        input: {
          method: 'PAYPAL',
          enabled: true,
          enabledForNewMembers: true,
          description: 'x',
          paypal: {
            environment: 'LIVE',
            apiUsername: 'thief_api1.example.com',
            apiPassword: 'thief-password',
            apiSignature: 'thief-signature',
          },
        },
      },
    }),
  },
  updateProduct: {
    probe: (f) => ({
      query: mutation('updateProduct', 'UpdateProductInput!'),
      variables: { input: { id: f.missing('Product'), price: 1 } },
    }),
    attack: (f) => ({
      query: mutation('updateProduct', 'UpdateProductInput!'),
      variables: { input: { id: f.productId, price: 1 } },
    }),
  },
  updateShopSettings: {
    probe: () => ({
      query: mutation('updateShopSettings', 'UpdateShopSettingsInput!'),
      variables: { input: { taxRounding: 'FLOOR', shippingFee: -1, unpaidOrderExpiryHours: 72 } },
    }),
    attack: () => ({
      query: mutation('updateShopSettings', 'UpdateShopSettingsInput!'),
      variables: { input: { taxRounding: 'FLOOR', shippingFee: 0, unpaidOrderExpiryHours: 72 } },
    }),
  },
};

import { DEMO_CREDENTIALS } from '@wholesale/paypal/sandbox-demo';
import { hashSecret } from '@wholesale/schema/auth/tokens';
import { schema } from '@wholesale/schema/schema';
import { isInterfaceType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizationFixture, Principal } from './authorization-fixture.ts';
import { buildAuthorizationFixture, databaseState, principals } from './authorization-fixture.ts';
import type { FieldRequests } from './authorization-requests.ts';
import { mutationRequests, queryRequests } from './authorization-requests.ts';
import type { GraphQLResponse, TestApp } from './harness.ts';
import { startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

/**
 * yes:  answered.
 * own:  answered with the caller's own data and nothing of the other member's.
 * none: answered with nothing (null, an empty list, or a typed not-found), and nothing changed.
 * no:   refused (UNAUTHENTICATED without credentials, FORBIDDEN with them), and nothing changed.
 *
 * Targets are member A's: its paid order, its member, its approved PayPal token.
 */
type Outcome = 'yes' | 'own' | 'none' | 'no';
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const staffOnly: Row = ['no', 'no', 'no', 'yes', 'no', 'no', 'no'];
const membersOnly: Row = ['no', 'yes', 'yes', 'no', 'no', 'no', 'no'];
const anyCaller: Row = ['no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'];
const ownPayPal: Row = ['no', 'yes', 'none', 'no', 'no', 'no', 'no'];

// biome-ignore format: the table reads in columns
const queryMatrix: Record<string, Row> = {
  //                        anonymous memberA memberB staff ORDERS_READ  MEMBERS_READ ORDERS_WRITE
  apiTokens:               staffOnly,
  auditLog:                staffOnly,
  checkoutPaymentMethods:  membersOnly,
  checkoutQuote:           membersOnly,
  emailMessages:           staffOnly,
  member:                  ['no',     'own',  'none', 'yes', 'no',       'yes',       'no'],
  members:                 ['no',     'own',  'own',  'yes', 'no',       'yes',       'no'],
  membersCsv:              staffOnly,
  node:                    ['no',     'own',  'no',   'yes', 'yes',      'no',        'yes'],
  nodes:                   ['no',     'own',  'no',   'yes', 'yes',      'no',        'yes'],
  order:                   ['no',     'own',  'none', 'yes', 'yes',      'no',        'yes'],
  orders:                  ['no',     'own',  'own',  'yes', 'yes',      'no',        'yes'],
  ordersCsv:               staffOnly,
  paymentSettings:         staffOnly,
  product:                 anyCaller,
  products:                anyCaller,
  shopSettings:            anyCaller,
  viewer:                  ['none',   'own',  'own',  'yes', 'none',     'none',      'none'],
  webhookEndpoints:        staffOnly,
};

// biome-ignore format: the table reads in columns
const mutationMatrix: Record<string, Row> = {
  //                        anonymous memberA memberB staff ORDERS_READ  MEMBERS_READ ORDERS_WRITE
  cancelOrder:             staffOnly,
  cancelPayPalReturn:      ownPayPal,
  capturePayment:          staffOnly,
  completePayPalReturn:    ownPayPal,
  createApiToken:          staffOnly,
  createMember:            staffOnly,
  createProduct:           staffOnly,
  createWebhookEndpoint:   staffOnly,
  deleteWebhookEndpoint:   staffOnly,
  importMembersCsv:        staffOnly,
  logIn:                   ['yes',    'yes',  'yes',  'yes', 'yes',      'yes',       'yes'],
  logOut:                  ['yes',    'yes',  'yes',  'yes', 'yes',      'yes',       'yes'],
  payOrder:                ownPayPal,
  redeliverWebhook:        staffOnly,
  refreshOrderFromPayPal:  staffOnly,
  refundOrder:             staffOnly,
  revokeApiToken:          staffOnly,
  sendPaymentReminder:     staffOnly,
  setMembersPaymentMethod: staffOnly,
  setWebhookEndpointActive: staffOnly,
  startCheckout:           membersOnly,
  testPayPalConnection:    staffOnly,
  updateMember:            staffOnly,
  updateOrderStatus:       ['no',     'no',   'no',   'yes', 'no',       'no',        'yes'],
  updateOrderStatuses:     ['no',     'no',   'no',   'yes', 'no',       'no',        'yes'],
  updatePaymentSettings:   staffOnly,
  updateProduct:           staffOnly,
  updateShopSettings:      staffOnly,
};

const memberOf: Partial<Record<Principal, 'a' | 'b'>> = { memberA: 'a', memberB: 'b' };

function isEmpty(value: unknown): boolean {
  if (value === null || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return false;
  const object = value as { edges?: unknown[]; __typename?: string };
  if (object.edges) return object.edges.length === 0;

  return object.__typename?.endsWith('NotFoundError') ?? false;
}

/** What a caller got, in the matrix's words, or what went wrong in plain ones. */
function observe(
  f: AuthorizationFixture,
  principal: Principal,
  field: string,
  result: GraphQLResponse,
): string {
  const error = result.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? error.message;
    const refusal = principal === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    if (code !== refusal) return `failed with ${code}`;

    const value = result.data?.[field];
    const answered = Array.isArray(value) ? value.some((item) => item !== null) : value != null;

    return answered ? 'refused but answered' : 'no';
  }

  const value = result.data?.[field];
  const text = JSON.stringify(value);
  const member = memberOf[principal];
  if (member) {
    const other = member === 'a' ? f.b : f.a;
    const leaked = other.markers.find((marker) => text.includes(marker));
    if (leaked) return `leaked ${leaked}`;
  }
  if (isEmpty(value)) return 'none';
  if (member && f[member].markers.some((marker) => text.includes(marker))) return 'own';

  return 'yes';
}

describe.each(databaseKinds())('who sees and changes what, on %s', (kind) => {
  let app: TestApp;
  let f: AuthorizationFixture;

  beforeAll(async () => {
    app = await startTestApp(kind, { tokenRateLimit: { points: 10_000, seconds: 60 } });
    f = await buildAuthorizationFixture(app);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function run(
    requests: FieldRequests | undefined,
    field: string,
    principal: Principal,
    want: Outcome | undefined,
  ) {
    if (!requests) return 'no request for this field';
    const allowed = want === 'yes' || want === 'own';
    const request = !allowed && requests.attack ? requests.attack(f) : requests.probe(f);
    const caller = requests.freshSession ? await f.freshCaller(principal) : f.callers[principal];
    const before = allowed ? null : await databaseState(app);
    const result = await caller(request.query, request.variables);
    if (before !== null && (await databaseState(app)) !== before) return 'changed the database';

    return observe(f, principal, field, result);
  }

  it('has a row for every query and mutation the schema serves', () => {
    expect(Object.keys(queryMatrix).sort()).toEqual(
      Object.keys(schema.getQueryType()?.getFields() ?? {}).sort(),
    );
    expect(Object.keys(mutationMatrix).sort()).toEqual(
      Object.keys(schema.getMutationType()?.getFields() ?? {}).sort(),
    );
    expect(Object.keys(queryRequests).sort()).toEqual(Object.keys(queryMatrix).sort());
    expect(Object.keys(mutationRequests).sort()).toEqual(Object.keys(mutationMatrix).sort());
  });

  it.each(Object.entries(queryMatrix))(
    'answers the query %s as the table says',
    async (field, row) => {
      const observed: Record<string, string> = {};
      for (const [index, principal] of principals.entries()) {
        observed[principal] = await run(queryRequests[field], field, principal, row[index]);
      }

      expect(observed).toEqual(Object.fromEntries(principals.map((p, i) => [p, row[i]])));
    },
  );

  it.each(Object.entries(mutationMatrix))(
    'lets only the table’s callers run the mutation %s, and the others change nothing',
    async (field, row) => {
      const observed: Record<string, string> = {};
      for (const [index, principal] of principals.entries()) {
        const seen = await run(mutationRequests[field], field, principal, row[index]);
        // A harmless probe is often answered with a typed not-found: the caller got in.
        observed[principal] = row[index] === 'yes' && seen === 'none' ? 'yes' : seen;
      }

      expect(observed).toEqual(Object.fromEntries(principals.map((p, i) => [p, row[i]])));
    },
  );

  it('gives member B nothing of member A’s orders, payments or member, by id, number or list', async () => {
    const b = f.callers.memberB;
    const ids = [...f.a.orderIds, f.a.memberId];
    const answers = [
      await b('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }),
      await b('query ($m: ID!) { member(id: $m) { id email } }', { m: f.a.memberId }),
      await b(
        'query ($s: String!) { members(first: 50, filter: { search: $s }) { totalCount edges { node { id } } } }',
        { s: f.a.email },
      ),
      await b(
        'query ($m: ID!) { orders(first: 50, filter: { memberId: $m }) { totalCount edges { node { id } } } }',
        { m: f.a.memberId },
      ),
      await b(
        '{ viewer { member { orders(first: 50) { edges { node { id payments { paypalToken } } } } } } }',
      ),
      await b(`{ orders(first: 100) { totalCount edges { node {
        id number companyName member { id email } lines { sku } paypal { token payerId transactionId payerEmail }
        payments { id paypalToken paypalTransactionId } refunds { id } timeline { kind note }
      } } } }`),
    ];
    for (const id of ids)
      answers.push(await b('query ($id: ID!) { node(id: $id) { id } }', { id }));
    for (const id of f.a.orderIds) {
      answers.push(await b('query ($id: ID!) { order(id: $id) { id } }', { id }));
    }
    for (const number of f.a.orderNumbers) {
      answers.push(await b('query ($n: String!) { order(number: $n) { id } }', { n: number }));
      answers.push(
        await b('query ($s: String!) { orders(first: 5, filter: { search: $s }) { totalCount } }', {
          s: number,
        }),
      );
    }
    const text = JSON.stringify(answers);

    expect(f.a.markers.filter((marker) => text.includes(marker))).toEqual([]);
    expect(text).toContain(f.b.orderIds[0]);
    expect(answers.at(-1)?.data.orders.totalCount).toBe(0);
  });

  it('keeps each token inside its scopes when a field leads to another type', async () => {
    const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;
    const memberOrders = await f.callers.MEMBERS_READ(
      'query ($id: ID!) { member(id: $id) { companyName orders(first: 5) { edges { node { id } } } } }',
      { id: f.a.memberId },
    );
    const orderMember = await f.callers.ORDERS_READ(
      'query ($id: ID!) { order(id: $id) { number member { email } } }',
      { id: f.a.paidOrderId },
    );

    expect(code(memberOrders)).toBe('FORBIDDEN');
    expect(JSON.stringify(memberOrders)).not.toContain(f.a.paidOrderId);
    expect(code(orderMember)).toBe('FORBIDDEN');
    expect(JSON.stringify(orderMember)).not.toContain(f.a.email);
  });

  it('shows no secret, hash or session id in anything staff can read', async () => {
    const users = await app.db.user.findMany();
    const sessions = await app.db.session.findMany();
    const tokens = await app.db.apiToken.findMany();
    const secrets = [
      ...users.map((user) => user.passwordHash),
      ...sessions.map((session) => session.id),
      ...tokens.map((token) => token.tokenHash),
      ...Object.values(f.tokens).flatMap(({ token }) => [token, hashSecret(token)]),
      DEMO_CREDENTIALS.password,
      DEMO_CREDENTIALS.signature,
    ];
    const staff = f.callers.staff;
    const answers = await Promise.all([
      staff('{ apiTokens { id name scopes createdAt lastUsedAt revokedAt } }'),
      staff('{ auditLog(first: 100) { edges { node { action actorId subjectId changes } } } }'),
      staff('{ emailMessages(first: 100) { edges { node { to subject text lastError } } } }'),
      staff('{ webhookEndpoints { url deliveries(first: 50) { edges { node { payload } } } } }'),
      staff('{ paymentSettings { paypal { apiUsername apiPasswordHint apiSignatureHint } } }'),
      staff(
        '{ members(first: 50) { edges { node { id email contactName } } } membersCsv ordersCsv }',
      ),
      staff(
        '{ viewer { id email displayName } orders(first: 50) { edges { node { payments { paypalToken errorMessage } } } } }',
      ),
    ]);
    const text = JSON.stringify(answers);

    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  });
});

describe('the schema’s names', () => {
  it('has no field named like a secret but the masked hints and the values shown once', () => {
    const looksSecret =
      /password|passwd|secret|signature|hash|session|cookie|credential|smtp|salt|token/i;
    const allowed = new Set([
      // Masked to the last four characters.
      'PayPalAccount.apiPasswordHint',
      'PayPalAccount.apiSignatureHint',
      // Shown once, in the answer that creates them; only their hash or ciphertext is kept.
      'CreateApiTokenPayload.token',
      'CreateWebhookEndpointPayload.secret',
      // PayPal's Express Checkout token names a checkout; it travels in the buyer's URL.
      'PayPalPaymentDetails.token',
      'Payment.paypalToken',
      // The record of an API token (name, scopes, dates), never its value.
      'Query.apiTokens',
      'Mutation.createApiToken',
      'Mutation.revokeApiToken',
      'CreateApiTokenPayload.apiToken',
      'RevokeApiTokenPayload.apiToken',
    ]);
    const named = Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith('__'))
      .filter((type) => isObjectType(type) || isInterfaceType(type))
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`))
      .filter((name) => looksSecret.test(name.split('.')[1] ?? ''));

    expect(named.filter((name) => !allowed.has(name))).toEqual([]);
    expect(named.sort()).toEqual([...allowed].sort());
  });
});

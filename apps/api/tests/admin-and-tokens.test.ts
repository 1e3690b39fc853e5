import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

const createToken = /* GraphQL */ `
  mutation ($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenPayload { token apiToken { id name scopes revokedAt } }
      ... on Error { code message }
    }
  }
`;

const updateSettings = /* GraphQL */ `
  mutation ($input: UpdatePaymentSettingsInput!) {
    updatePaymentSettings(input: $input) {
      __typename
      ... on UpdatePaymentSettingsPayload {
        settings {
          methods { method enabled enabledForNewMembers description }
          paypal { environment apiUsername apiPasswordHint apiSignatureHint }
        }
      }
      ... on ValidationError { code field }
    }
  }
`;

const updateMember = /* GraphQL */ `
  mutation ($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      __typename
      ... on UpdateMemberPayload { member { companyName allowedPaymentMethods } }
      ... on Error { code message }
    }
  }
`;

describe.each(databaseKinds())('merchant and third-party access on %s', (kind) => {
  let app: TestApp;
  let staff: GraphQLCaller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    staff = app.graphql(await app.logIn(demoLogins.staff));
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('answers a wrong password with a typed error and no cookie', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { logIn(input: { email: "buyer@example.com", password: "nope" }) { __typename ... on Error { code } } }',
      }),
    });

    expect((await response.json()).data).toEqual({
      logIn: { __typename: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS' },
    });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('stops guessing a password after ten failures for the account, even with the right one', async () => {
    const attempt = (password: string) =>
      app
        .graphql()(
          'mutation ($p: String!) { logIn(input: { email: "guess@example.com", password: $p }) { __typename ... on TooManyAttemptsError { retryAfterSeconds } } }',
          { p: password },
        )
        .then((result) => result.data.logIn);
    await staff(
      'mutation { createMember(input: { email: "guess@example.com", password: "the-right-password", companyName: "株式会社ゲス", contactName: "下須 太郎" }) { __typename } }',
    );

    for (let i = 0; i < 10; i += 1) {
      expect((await attempt(`wrong-${i}`)).__typename).toBe('InvalidCredentialsError');
    }
    const blocked = await attempt('the-right-password');
    expect(blocked.__typename).toBe('TooManyAttemptsError');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('sets the session as an HttpOnly, SameSite cookie and ends it on log out', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { logIn(input: { email: "BUYER@example.com ", password: "buyer-demo" }) { __typename } }',
      }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';

    expect(cookie).toMatch(/^session=[a-z2-7]{32}; HttpOnly; SameSite=Lax; Path=\/; Expires=/);
    const session = /session=([^;]+)/.exec(cookie)?.[1] ?? '';
    const buyer = app.graphql(session);
    expect((await buyer('{ viewer { email role } }')).data.viewer).toEqual({
      email: 'buyer@example.com',
      role: 'MEMBER',
    });
    expect((await buyer('mutation { logOut }')).data.logOut).toBe(true);
    expect((await buyer('{ viewer { email } }')).data.viewer).toBeNull();
  });

  it('keeps members out of the merchant’s queries', async () => {
    const buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    const result = await buyer(
      '{ members(first: 5) { edges { node { email } } } paymentSettings { paypal { apiUsername } } }',
    );

    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.graphql()('{ orders(first: 1) { edges { node { number } } } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores PayPal secrets encrypted and never returns them', async () => {
    const result = await staff(updateSettings, {
      input: {
        method: 'PAYPAL',
        enabled: true,
        enabledForNewMembers: true,
        description: 'PayPalでお支払い',
        paypal: {
          environment: 'LOCAL',
          apiUsername: 'merchant_api1.wholesale.example',
          apiPassword: 'LOCALSANDBOX2026',
          apiSignature: 'AFcWxV21C7fd0v3bYYYRCpSSRl31A-local-sandbox-signature',
        },
      },
    });
    const settings = result.data.updatePaymentSettings.settings;

    expect(settings.paypal).toEqual({
      environment: 'LOCAL',
      apiUsername: 'merchant_api1.wholesale.example',
      apiPasswordHint: '••••2026',
      apiSignatureHint: '••••ture',
    });
    expect(JSON.stringify(result)).not.toContain('LOCALSANDBOX2026');
    const stored = await app.db.payPalAccount.findUniqueOrThrow({ where: { id: 1 } });
    expect(stored.apiPasswordEncrypted).not.toContain('LOCALSANDBOX2026');
    expect(stored.apiSignatureEncrypted).not.toContain('local-sandbox-signature');

    // An empty secret keeps the stored one.
    await staff(updateSettings, {
      input: {
        method: 'PAYPAL',
        enabled: true,
        enabledForNewMembers: true,
        description: '説明を変更',
        paypal: {
          environment: 'LOCAL',
          apiUsername: 'merchant_api1.wholesale.example',
          apiPassword: '',
          apiSignature: null,
        },
      },
    });
    const kept = await app.db.payPalAccount.findUniqueOrThrow({ where: { id: 1 } });
    expect(kept.apiPasswordEncrypted).toBe(stored.apiPasswordEncrypted);
    expect(kept.apiSignatureEncrypted).toBe(stored.apiSignatureEncrypted);
  });

  it('lets the merchant allow only methods enabled in the settings, and keeps hidden ones', async () => {
    const members = (
      await staff(
        '{ members(first: 10, filter: { search: "さとう" }) { totalCount edges { node { id companyName allowedPaymentMethods } } } }',
      )
    ).data.members;
    expect(members.totalCount).toBe(1);
    const member = members.edges[0].node;

    const refused = await staff(updateMember, {
      input: { id: member.id, allowedPaymentMethods: ['PAYPAL', 'INVOICE'] },
    });
    expect(refused.data.updateMember).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
    });

    const saved = await staff(updateMember, {
      input: { id: member.id, allowedPaymentMethods: ['PAYPAL', 'BANK_TRANSFER'] },
    });
    expect(saved.data.updateMember.member).toEqual({
      companyName: '有限会社さとう物産',
      allowedPaymentMethods: ['PAYPAL', 'BANK_TRANSFER'],
    });
    const buyer = app.graphql(await app.logIn(demoLogins.transferMember));
    expect(
      (await buyer('{ checkoutPaymentMethods { method } }')).data.checkoutPaymentMethods,
    ).toEqual([{ method: 'PAYPAL' }, { method: 'BANK_TRANSFER' }]);
  });

  it('gives a new member the payment methods marked 新規会員, and lets it log in', async () => {
    const created = await staff(
      `mutation ($input: CreateMemberInput!) {
        createMember(input: $input) {
          __typename
          ... on CreateMemberPayload { member { email companyName allowedPaymentMethods } }
          ... on ValidationError { field }
        }
      }`,
      {
        input: {
          email: ' New.Buyer@Example.com',
          password: 'a-long-password',
          companyName: '株式会社あたらし',
          contactName: '新井 次郎',
        },
      },
    );

    // The demo settings mark PayPal and bank transfer 新規会員; COD and invoice are disabled.
    expect(created.data.createMember.member).toEqual({
      email: 'new.buyer@example.com',
      companyName: '株式会社あたらし',
      allowedPaymentMethods: ['PAYPAL', 'BANK_TRANSFER'],
    });
    const session = await app.logIn({
      email: 'new.buyer@example.com',
      password: 'a-long-password',
    });
    expect((await app.graphql(session)('{ viewer { role } }')).data.viewer.role).toBe('MEMBER');

    const duplicate = await staff(
      'mutation { createMember(input: { email: "new.buyer@example.com", password: "another-password", companyName: "x", contactName: "y" }) { __typename ... on ValidationError { field } } }',
    );
    expect(duplicate.data.createMember).toEqual({ __typename: 'ValidationError', field: 'email' });
  });

  it('applies the merchant’s shipping and rounding rules to the next quote', async () => {
    const buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    const products = (await buyer('{ products(first: 50) { edges { node { id sku } } } }')).data
      .products.edges;
    const matcha = products.find((edge: { node: { sku: string } }) => edge.node.sku === 'FD-3002');
    const quote = async () =>
      (
        await buyer(
          'query ($lines: [CheckoutLineInput!]!) { checkoutQuote(lines: $lines) { ... on CheckoutQuote { shipping { amount } tax { amount } total { amount } } } }',
          { lines: [{ productId: matcha.node.id, quantity: 1 }] },
        )
      ).data.checkoutQuote;

    // ¥2,160 at 8% with the demo's ¥800 shipping: 172.8 → 172, plus 80 on shipping.
    expect(await quote()).toEqual({
      shipping: { amount: 800 },
      tax: { amount: 252 },
      total: { amount: 3212 },
    });

    const saved = await staff(
      'mutation { updateShopSettings(input: { taxRounding: CEIL, shippingFee: 500, freeShippingFrom: 2000, unpaidOrderExpiryHours: 48 }) { __typename ... on UpdateShopSettingsPayload { settings { taxRounding shippingFee { amount } freeShippingFrom { amount } unpaidOrderExpiryHours } } } }',
    );
    expect(saved.data.updateShopSettings.settings).toEqual({
      taxRounding: 'CEIL',
      shippingFee: { amount: 500 },
      freeShippingFrom: { amount: 2000 },
      unpaidOrderExpiryHours: 48,
    });
    expect(await quote()).toEqual({
      shipping: { amount: 0 },
      tax: { amount: 173 },
      total: { amount: 2333 },
    });

    const refused = await staff(
      'mutation { updateShopSettings(input: { taxRounding: FLOOR, shippingFee: -1, unpaidOrderExpiryHours: 72 }) { __typename ... on ValidationError { field } } }',
    );
    expect(refused.data.updateShopSettings).toEqual({
      __typename: 'ValidationError',
      field: 'shippingFee',
    });
    const byMember = await buyer(
      'mutation { updateShopSettings(input: { taxRounding: FLOOR, shippingFee: 0, unpaidOrderExpiryHours: 72 }) { __typename } }',
    );
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await staff(
      'mutation { updateShopSettings(input: { taxRounding: FLOOR, shippingFee: 800, freeShippingFrom: 10000, unpaidOrderExpiryHours: 72 }) { __typename } }',
    );
  });

  it('filters orders by method, member and a search for number or company', async () => {
    const buyer = app.graphql(await app.logIn(demoLogins.transferMember));
    const product = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    const placed = (
      await buyer(
        'mutation ($id: ID!) { startCheckout(input: { lines: [{ productId: $id, quantity: 1 }], paymentMethod: BANK_TRANSFER }) { ... on StartCheckoutPayload { order { number member { id } } } } }',
        { id: product },
      )
    ).data.startCheckout.order;
    const numbers = async (filter: Record<string, unknown>) =>
      (
        await staff(
          'query ($filter: OrderFilter) { orders(first: 50, filter: $filter) { edges { node { number } } } }',
          { filter },
        )
      ).data.orders.edges.map((edge: { node: { number: string } }) => edge.node.number);

    expect(await numbers({ search: placed.number })).toEqual([placed.number]);
    expect(await numbers({ search: 'さとう物産' })).toContain(placed.number);
    expect(await numbers({ search: 'やまだ' })).not.toContain(placed.number);
    expect(
      await numbers({ memberId: placed.member.id, paymentMethod: ['BANK_TRANSFER'] }),
    ).toContain(placed.number);
    expect(await numbers({ paymentMethod: ['PAYPAL'] })).not.toContain(placed.number);
  });

  it('tests the PayPal connection with a harmless call and names the PayPal that answered', async () => {
    const test = () =>
      staff('mutation { testPayPalConnection { ok environment code messageJa messageEn } }').then(
        (result) => result.data.testPayPalConnection,
      );

    expect(await test()).toMatchObject({ ok: true, environment: 'LOCAL', code: null });
    await staff(
      `mutation { updatePaymentSettings(input: { method: PAYPAL, enabled: true, enabledForNewMembers: true, description: "x", paypal: { environment: LOCAL, apiUsername: "merchant_api1.wholesale.example", apiSignature: "wrong-signature" } }) { __typename } }`,
    );
    const refused = await test();
    expect(refused).toMatchObject({ ok: false, environment: 'LOCAL', code: '10002' });
    expect(refused.messageEn).toContain('refused the credentials');
    expect(app.nvpCalls.filter((call) => call === 'GetBalance').length).toBeGreaterThanOrEqual(2);

    await staff(
      `mutation { updatePaymentSettings(input: { method: PAYPAL, enabled: true, enabledForNewMembers: true, description: "PayPalでお支払い", paypal: { environment: LOCAL, apiUsername: "merchant_api1.wholesale.example", apiSignature: "AFcWxV21C7fd0v3bYYYRCpSSRl31A-local-sandbox-signature" } }) { __typename } }`,
    );
    expect((await test()).ok).toBe(true);
  });

  it('sets a payment method for every member matching a filter, with a preview of how many change', async () => {
    const bulk = (input: Record<string, unknown>) =>
      staff(
        'mutation ($input: SetMembersPaymentMethodInput!) { setMembersPaymentMethod(input: $input) { __typename ... on SetMembersPaymentMethodPayload { matched changed dryRun } ... on ValidationError { field } } }',
        { input },
      ).then((result) => result.data.setMembersPaymentMethod);
    const without = await staff(
      '{ members(first: 50, filter: { search: "example.com" }) { edges { node { allowedPaymentMethods } } } }',
    );
    const lacking = without.data.members.edges.filter(
      (edge: { node: { allowedPaymentMethods: string[] } }) =>
        !edge.node.allowedPaymentMethods.includes('PAYPAL'),
    ).length;

    const preview = await bulk({
      filter: { search: 'example.com' },
      method: 'PAYPAL',
      allowed: true,
      dryRun: true,
    });
    expect(preview).toMatchObject({ dryRun: true, changed: lacking });
    expect(preview.matched).toBe(without.data.members.edges.length);
    expect(
      await bulk({ filter: { search: 'example.com' }, method: 'INVOICE', allowed: true }),
    ).toEqual({
      __typename: 'ValidationError',
      field: 'method',
    });

    const cleared = await bulk({
      filter: { search: 'example.com' },
      method: 'PAYPAL',
      allowed: false,
    });
    expect(cleared.changed).toBe(preview.matched - lacking);
    const after = await staff(
      '{ members(first: 50, filter: { allowedPaymentMethod: PAYPAL }) { totalCount } }',
    );
    expect(after.errors).toBeUndefined();
    expect(after.data.members.totalCount).toBe(0);
    const restored = await bulk({
      filter: { search: 'example.com' },
      method: 'PAYPAL',
      allowed: true,
    });
    expect(restored.changed).toBe(preview.matched);

    // A confirmation that no longer matches its preview changes nothing.
    const stale = await bulk({
      filter: { search: 'example.com' },
      method: 'PAYPAL',
      allowed: false,
      expected: { matched: preview.matched - 1, changed: preview.matched - 1 },
    });
    expect(stale).toEqual({ __typename: 'ValidationError', field: 'expected' });
    const still = await staff(
      '{ members(first: 50, filter: { allowedPaymentMethod: PAYPAL }) { totalCount } }',
    );
    expect(still.data.members.totalCount).toBe(preview.matched);
    const confirmed = await bulk({
      filter: { search: 'example.com' },
      method: 'PAYPAL',
      allowed: true,
      expected: { matched: preview.matched, changed: 0 },
    });
    expect(confirmed).toMatchObject({ matched: preview.matched, changed: 0 });
  });

  it('sorts orders and members, filters members by creation date, and exports the filtered orders', async () => {
    const numbers = async (orderBy: string) =>
      (
        await staff(
          `{ orders(first: 50, orderBy: ${orderBy}) { edges { node { number total { amount } } } } }`,
        )
      ).data.orders.edges.map(
        (edge: { node: { number: string; total: { amount: number } } }) => edge.node,
      );
    const newest = await numbers('NEWEST');
    expect((await numbers('OLDEST')).map((order: { number: string }) => order.number)).toEqual(
      newest.map((order: { number: string }) => order.number).reverse(),
    );
    const totals = (await numbers('TOTAL')).map(
      (order: { total: { amount: number } }) => order.total.amount,
    );
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    const companies = (
      await staff('{ members(first: 50, orderBy: COMPANY) { edges { node { companyName } } } }')
    ).data.members.edges.map((edge: { node: { companyName: string } }) => edge.node.companyName);
    expect(companies).toEqual([...companies].sort());
    const future = (
      await staff(
        '{ members(first: 5, filter: { createdAfter: "2999-01-01T00:00:00Z" }) { totalCount } }',
      )
    ).data.members.totalCount;
    expect(future).toBe(0);

    const csv: string = (await staff('{ ordersCsv(filter: { paymentMethod: [PAYPAL] }) }')).data
      .ordersCsv;
    // `since` narrows the filter, it does not replace the filter's own dates.
    const none: string = (
      await staff(
        '{ ordersCsv(since: "2000-01-01T00:00:00Z", filter: { createdBefore: "2001-01-01T00:00:00Z" }) }',
      )
    ).data.ordersCsv;
    expect(none.trim().split('\n')).toHaveLength(1);
    expect(csv).not.toContain(',BANK_TRANSFER,');
  });

  it('adds the cash-on-delivery fee to orders paid that way, taxed at the standard rate', async () => {
    const saved = await staff(
      'mutation { updatePaymentSettings(input: { method: CASH_ON_DELIVERY, enabled: true, enabledForNewMembers: false, description: "代引き手数料 ¥330", fee: 330 }) { __typename ... on UpdatePaymentSettingsPayload { settings { methods { method fee { amount } } } } } }',
    );
    expect(saved.data.updatePaymentSettings.settings.methods).toContainEqual({
      method: 'CASH_ON_DELIVERY',
      fee: { amount: 330 },
    });
    const paypalFee = await staff(
      'mutation { updatePaymentSettings(input: { method: PAYPAL, enabled: true, enabledForNewMembers: true, description: "PayPalでお支払い", fee: 100 }) { __typename ... on ValidationError { field } } }',
    );
    expect(paypalFee.data.updatePaymentSettings).toEqual({
      __typename: 'ValidationError',
      field: 'fee',
    });

    const members = (
      await staff(
        '{ members(first: 10, filter: { search: "transfer@" }) { edges { node { id } } } }',
      )
    ).data.members.edges;
    await staff(
      'mutation ($id: ID!) { updateMember(input: { id: $id, allowedPaymentMethods: [BANK_TRANSFER, CASH_ON_DELIVERY] }) { __typename } }',
      { id: members[0].node.id },
    );
    const buyer = app.graphql(await app.logIn(demoLogins.transferMember));
    const tea = (
      await buyer('{ products(first: 20) { edges { node { id sku } } } }')
    ).data.products.edges.find((edge: { node: { sku: string } }) => edge.node.sku === 'FD-3001')
      .node.id;
    const lines = [{ productId: tea, quantity: 1 }];
    const quote = await buyer(
      'query ($lines: [CheckoutLineInput!]!) { checkoutQuote(lines: $lines, paymentMethod: CASH_ON_DELIVERY) { ... on CheckoutQuote { paymentFee { amount } tax { amount } total { amount } } } checkoutPaymentMethods(lines: $lines) { method fee { amount } } }',
      { lines },
    );
    // ¥1,080 at 8% (86) + ¥800 shipping and ¥330 fee at 10% (113): ¥2,409.
    expect(quote.data.checkoutQuote).toEqual({
      paymentFee: { amount: 330 },
      tax: { amount: 199 },
      total: { amount: 2409 },
    });
    expect(quote.data.checkoutPaymentMethods).toContainEqual({
      method: 'CASH_ON_DELIVERY',
      fee: { amount: 330 },
    });

    const placed = await buyer(
      'mutation ($lines: [CheckoutLineInput!]!) { startCheckout(input: { lines: $lines, paymentMethod: CASH_ON_DELIVERY }) { ... on StartCheckoutPayload { order { paymentFee { amount } total { amount } status } } } }',
      { lines },
    );
    expect(placed.data.startCheckout.order).toEqual({
      paymentFee: { amount: 330 },
      total: { amount: 2409 },
      status: 'NEW',
    });
  });

  it('keeps an audit trail of settings and member changes, without secret values', async () => {
    const entries = async (action: string) =>
      (
        await staff(
          'query ($action: [String!]) { auditLog(first: 20, filter: { action: $action }) { edges { node { actorType action subjectType subjectId changes } } } }',
          { action: [action] },
        )
      ).data.auditLog.edges.map((edge: { node: { changes: string } }) => ({
        ...edge.node,
        changes: JSON.parse(edge.node.changes),
      }));

    const settings = await entries('PAYMENT_SETTINGS_UPDATED');
    expect(settings[settings.length - 1]).toMatchObject({
      actorType: 'STAFF',
      subjectType: 'PaymentMethod',
      subjectId: 'PAYPAL',
      changes: {
        description: { to: 'PayPalでお支払い' },
        apiPassword: { changed: true },
        apiSignature: { changed: true },
      },
    });
    const everything = JSON.stringify(await entries('PAYMENT_SETTINGS_UPDATED'));
    expect(everything).not.toContain('LOCALSANDBOX2026');
    expect(everything).not.toContain('local-sandbox-signature');

    const members = await entries('MEMBER_UPDATED');
    expect(members).toContainEqual(
      expect.objectContaining({
        action: 'MEMBER_UPDATED',
        changes: {
          allowedPaymentMethods: { from: ['BANK_TRANSFER'], to: ['PAYPAL', 'BANK_TRANSFER'] },
        },
      }),
    );
    const buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    expect(
      (await buyer('{ auditLog(first: 1) { edges { node { action } } } }')).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('gives third parties scoped tokens that are shown once, stored hashed and revocable', async () => {
    const created = (
      await staff(createToken, { input: { name: 'Accounting', scopes: ['ORDERS_READ'] } })
    ).data.createApiToken;
    expect(created.token).toMatch(/^wst_[a-z2-7]{32}$/);
    expect(created.apiToken).toMatchObject({
      name: 'Accounting',
      scopes: ['ORDERS_READ'],
      revokedAt: null,
    });
    const stored = await app.db.apiToken.findFirstOrThrow({ where: { name: 'Accounting' } });
    expect(stored.tokenHash).not.toContain(created.token);

    const integration = app.graphql(null, created.token);
    expect((await integration('{ orders(first: 5) { totalCount } }')).data.orders.totalCount).toBe(
      await app.db.order.count(),
    );
    const members = await integration('{ members(first: 5) { totalCount } }');
    expect(members.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await integration(
      'mutation { createApiToken(input: { name: "x", scopes: [ORDERS_READ] }) { __typename } }',
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await staff('mutation ($id: ID!) { revokeApiToken(id: $id) { __typename } }', {
      id: created.apiToken.id,
    });
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.token}` },
      body: JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(401);
  });

  it('masks unexpected errors', async () => {
    const result = await staff('{ order(id: "not-a-global-id") { number } }');

    expect(result.errors?.[0]?.message).not.toMatch(/prisma|select|sql/i);
  });
});

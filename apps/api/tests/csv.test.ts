import { fromCsv } from '@wholesale/schema/exports/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { allowCashOnDelivery, demoLogins, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

const japanTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;

describe.each(databaseKinds())('members and orders as CSV, on %s', (kind) => {
  let app: TestApp;
  let staff: GraphQLCaller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    staff = app.graphql(await app.logIn(demoLogins.staff));
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const importCsv = (csv: string, dryRun = false) =>
    staff(
      'mutation ($csv: String!, $dryRun: Boolean) { importMembersCsv(csv: $csv, dryRun: $dryRun) { __typename ... on ImportMembersPayload { applied created updated errors { row field message } } ... on ValidationError { field message } } }',
      { csv, dryRun },
    ).then((result) => result.data.importMembersCsv);

  it('exports members with a BOM so that Excel in Japan reads the Japanese', async () => {
    const csv: string = (await staff('{ membersCsv }')).data.membersCsv;

    expect(
      csv.startsWith('\uFEFFemail,company_name,contact_name,payment_methods,created_at\r\n'),
    ).toBe(true);
    expect(csv).toContain('buyer@example.com,株式会社やまだ商店,山田 花子,PAYPAL BANK_TRANSFER,');
    expect(csv).toContain('transfer@example.com,有限会社さとう物産,佐藤 一郎,BANK_TRANSFER,');
    for (const row of fromCsv(csv)) expect(row.created_at).toMatch(japanTime);
  });

  it('writes names a spreadsheet would run as formulas after a single quote, and imports them back as they were', async () => {
    const hostile = [
      {
        email: 'formula1@example.com',
        companyName: '=HYPERLINK("http://x","click")',
        contactName: '-1+2',
      },
      { email: 'formula2@example.com', companyName: '+SUM(1;2)', contactName: '@cmd' },
      { email: 'formula3@example.com', companyName: "'Quoted & Co.", contactName: "'-3" },
    ];
    for (const member of hostile) {
      const created = await staff(
        'mutation ($input: CreateMemberInput!) { createMember(input: $input) { __typename } }',
        { input: { ...member, password: 'a-long-password' } },
      );
      expect(created.data.createMember.__typename).toBe('CreateMemberPayload');
    }

    const csv: string = (await staff('{ membersCsv }')).data.membersCsv;

    expect(csv).toContain(`formula1@example.com,"'=HYPERLINK(""http://x"",""click"")",'-1+2,`);
    expect(csv).toContain("formula2@example.com,'+SUM(1;2),'@cmd,");
    expect(csv).toContain("formula3@example.com,'Quoted & Co.,''-3,");
    for (const row of fromCsv(csv)) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }

    expect(await importCsv(csv)).toMatchObject({ applied: true, created: 0, errors: [] });
    const members = await staff(
      '{ members(first: 10, filter: { search: "formula" }) { edges { node { email companyName contactName } } } }',
    );
    expect(members.data.members.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      expect.arrayContaining(hostile.map((member) => expect.objectContaining(member))),
    );
    expect(members.data.members.edges).toHaveLength(3);
  });

  it('imports nothing when any row is wrong, and names each wrong row', async () => {
    const before = await app.db.member.count();
    const result = await importCsv(
      [
        'email,company_name,contact_name,payment_methods,password',
        'new1@example.com,株式会社いち,一 太郎,PAYPAL,a-long-password',
        'not-an-email,株式会社に,二 次郎,BANK_TRANSFER,a-long-password',
        'new3@example.com,株式会社さん,三 三郎,INVOICE,short',
      ].join('\n'),
    );

    expect(result).toEqual({
      __typename: 'ImportMembersPayload',
      applied: false,
      // Only the sound row counts: the preview says what the file would do once corrected.
      created: 1,
      updated: 0,
      errors: [
        { row: 3, field: 'email', message: 'Not a valid email address.' },
        { row: 4, field: 'payment_methods', message: 'INVOICE is not enabled.' },
        {
          row: 4,
          field: 'password',
          message: 'A new member needs a password of 10 to 256 characters.',
        },
      ],
    });
    expect(await app.db.member.count()).toBe(before);
  });

  it('creates new members and updates existing ones from a valid file', async () => {
    const csv =
      '\uFEFFemail,company_name,contact_name,payment_methods,password\r\nnew1@example.com,株式会社いち,一 太郎,PAYPAL,a-long-password\r\ntransfer@example.com,有限会社さとう物産,佐藤 一郎,BANK_TRANSFER PAYPAL,\r\n';
    expect(await importCsv(csv, true)).toMatchObject({
      applied: false,
      created: 1,
      updated: 1,
      errors: [],
    });
    expect(await importCsv(csv)).toMatchObject({
      applied: true,
      created: 1,
      updated: 1,
      errors: [],
    });

    const members = await staff(
      '{ members(first: 10, filter: { search: "example.com" }) { edges { node { email allowedPaymentMethods } } } }',
    );
    expect(members.data.members.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      expect.arrayContaining([
        { email: 'new1@example.com', allowedPaymentMethods: ['PAYPAL'] },
        { email: 'transfer@example.com', allowedPaymentMethods: ['PAYPAL', 'BANK_TRANSFER'] },
      ]),
    );
    await app.logIn({ email: 'new1@example.com', password: 'a-long-password' });
  });

  it('leaves payment methods as they are when the file has no payment_methods column', async () => {
    const methodsOf = async (email: string) =>
      (
        await staff(
          'query ($q: String!) { members(first: 1, filter: { search: $q }) { edges { node { allowedPaymentMethods } } } }',
          { q: email },
        )
      ).data.members.edges[0]?.node.allowedPaymentMethods;
    const before = await methodsOf('buyer@example.com');
    expect(before.length).toBeGreaterThan(0);
    const defaults = (
      await app.db.paymentMethodSetting.findMany({
        where: { enabled: true, enabledForNewMembers: true },
      })
    ).map((setting) => setting.method);

    const csv =
      'email,company_name,contact_name,password\r\nbuyer@example.com,株式会社やまだ商店,山田 花子,\r\nno-methods@example.com,株式会社に,二 次郎,a-long-password\r\n';
    expect(await importCsv(csv)).toMatchObject({ applied: true, created: 1, updated: 1 });

    expect(await methodsOf('buyer@example.com')).toEqual(before);
    expect([...(await methodsOf('no-methods@example.com'))].sort()).toEqual([...defaults].sort());
  });

  it('refuses a row naming a staff account, instead of failing the whole import', async () => {
    const csv =
      'email,company_name,contact_name,payment_methods,password\r\nadmin@example.com,株式会社スタッフ,管理 者,PAYPAL,a-long-password\r\n';
    expect(await importCsv(csv, true)).toMatchObject({
      applied: false,
      errors: [{ row: 2, field: 'email' }],
    });
    expect(await importCsv(csv)).toMatchObject({ applied: false, errors: [{ row: 2 }] });
  });

  it('keeps a method the merchant has since disabled when a member is saved or re-imported as it was', async () => {
    const setInvoice = (enabled: boolean) =>
      staff(
        'mutation ($enabled: Boolean!) { updatePaymentSettings(input: { method: INVOICE, enabled: $enabled, enabledForNewMembers: false, description: "月末締め翌月末払い" }) { __typename } }',
        { enabled },
      );
    const member = (
      await staff(
        '{ members(first: 1, filter: { search: "transfer@example.com" }) { edges { node { id allowedPaymentMethods } } } }',
      )
    ).data.members.edges[0].node;
    const update = (methods: string[], contactName: string) =>
      staff(
        'mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { __typename ... on UpdateMemberPayload { member { allowedPaymentMethods contactName } } ... on ValidationError { field message } } }',
        { input: { id: member.id, allowedPaymentMethods: methods, contactName } },
      ).then((result) => result.data.updateMember);

    await setInvoice(true);
    const withInvoice = [...member.allowedPaymentMethods, 'INVOICE'];
    expect(await update(withInvoice, '佐藤 一郎')).toMatchObject({
      __typename: 'UpdateMemberPayload',
    });
    await setInvoice(false);
    try {
      // Saved again as the form shows it: the contact changes, the held method stays.
      expect(await update(withInvoice, '佐藤 次郎')).toMatchObject({
        member: { contactName: '佐藤 次郎' },
      });
      const saved = (await update(withInvoice, '佐藤 次郎')).member.allowedPaymentMethods;
      expect(saved).toContain('INVOICE');
      // Adding a disabled method is still refused.
      expect(await update([...withInvoice, 'CASH_ON_DELIVERY'], '佐藤 次郎')).toMatchObject({
        __typename: 'ValidationError',
        field: 'allowedPaymentMethods',
      });

      // The member's own exported row comes back in.
      const exported = (await staff('{ membersCsv }')).data.membersCsv as string;
      const row = exported.split('\r\n').find((line) => line.startsWith('transfer@example.com'));
      expect(row).toContain('INVOICE');
      const header = exported.split('\r\n')[0]?.replace('\uFEFF', '');
      expect(await importCsv(`${header}\r\n${row}\r\n`, true)).toMatchObject({
        applied: false,
        updated: 1,
        errors: [],
      });
    } finally {
      // As the file found it: INVOICE off, and the member without it.
      await setInvoice(true);
      await update(member.allowedPaymentMethods, '佐藤 一郎');
      await setInvoice(false);
    }
  });

  it('exports orders one row per line, with the order totals', async () => {
    const buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
    const product = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    const placed = (
      await buyer(
        'mutation ($id: ID!) { startCheckout(input: { lines: [{ productId: $id, quantity: 2 }], paymentMethod: BANK_TRANSFER }) { ... on StartCheckoutPayload { order { number } } } }',
        { id: product },
      )
    ).data.startCheckout.order;
    const csv: string = (await staff('{ ordersCsv }')).data.ordersCsv;

    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFForder_number,created_at,company_name,status,payment_status,payment_method,sku,product_name,unit_price,quantity,tax_rate,line_amount,subtotal,tax,shipping,payment_fee,total',
    );
    // ¥1,980 × 2 = ¥3,960, ¥800 shipping, 10% of ¥4,760 = ¥476: ¥5,236.
    expect(csv).toContain(`${placed.number},`);
    expect(csv).toContain(
      ',株式会社やまだ商店,NEW,UNPAID,BANK_TRANSFER,TW-1001,有田焼 小皿 5枚組,1980,2,10,3960,3960,476,800,0,5236',
    );
  });

  it('exports the payment fee, so that every row adds up to its total, and the time in Japan', async () => {
    await allowCashOnDelivery(staff, 'transfer@example.com', ['BANK_TRANSFER']);
    const buyer = app.graphql(await app.logIn(demoLogins.transferMember));
    const products = (await buyer('{ products(first: 20) { edges { node { id sku } } } }')).data
      .products.edges;
    const id = (sku: string) =>
      products.find((edge: { node: { sku: string } }) => edge.node.sku === sku).node.id;
    const placed = (
      await buyer(
        'mutation ($lines: [CheckoutLineInput!]!) { startCheckout(input: { lines: $lines, paymentMethod: CASH_ON_DELIVERY }) { ... on StartCheckoutPayload { order { number createdAt } } } }',
        {
          lines: [
            { productId: id('FD-3001'), quantity: 1 },
            { productId: id('TW-1001'), quantity: 1 },
          ],
        },
      )
    ).data.startCheckout.order;

    const rows = fromCsv((await staff('{ ordersCsv }')).data.ordersCsv);
    const mine = rows.filter((row) => row.order_number === placed.number);

    // ¥1,080 at 8% (86) and ¥1,980 + ¥800 shipping + ¥330 fee at 10% (311): ¥4,587.
    expect(
      mine.map((row) => [row.sku, row.subtotal, row.shipping, row.payment_fee, row.tax, row.total]),
    ).toEqual([
      ['FD-3001', '3060', '800', '330', '397', '4587'],
      ['TW-1001', '3060', '800', '330', '397', '4587'],
    ]);
    for (const row of rows) {
      const parts = [row.subtotal, row.shipping, row.payment_fee, row.tax].map(Number);
      expect(parts.reduce((sum, part) => sum + part, 0)).toBe(Number(row.total));
      expect(row.created_at).toMatch(japanTime);
    }
    expect(Date.parse(mine[0]?.created_at ?? '')).toBe(
      Math.floor(Date.parse(placed.createdAt) / 1000) * 1000,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';

describe('the codes of a member import’s problems', () => {
  let app: TestApp;
  let staff: GraphQLCaller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    staff = app.graphql(await app.logIn(demoLogins.staff));
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const importCsv = (csv: string) =>
    staff(
      'mutation ($csv: String!) { importMembersCsv(csv: $csv, dryRun: true) { __typename ... on ImportMembersPayload { errors { row field code value } } ... on ValidationError { code field } } }',
      { csv },
    ).then((result) => result.data.importMembersCsv);

  it('names each row’s problem by a stable code, with the payment method at fault', async () => {
    const result = await importCsv(
      [
        'email,company_name,contact_name,payment_methods,password',
        'not-an-email,株式会社に,二 次郎,BITCOIN,a-long-password',
        'new3@example.com,,三 三郎,INVOICE,short',
        'new3@example.com,株式会社さん,三 三郎,,a-long-password',
      ].join('\n'),
    );

    expect(result.errors).toEqual([
      { row: 2, field: 'email', code: 'INVALID_EMAIL', value: null },
      { row: 2, field: 'payment_methods', code: 'UNKNOWN_PAYMENT_METHOD', value: 'BITCOIN' },
      { row: 3, field: 'company_name', code: 'TEXT_LENGTH', value: null },
      { row: 3, field: 'payment_methods', code: 'PAYMENT_METHOD_NOT_ENABLED', value: 'INVOICE' },
      { row: 3, field: 'password', code: 'PASSWORD_LENGTH', value: null },
      { row: 4, field: 'email', code: 'DUPLICATE_EMAIL', value: null },
    ]);
  });

  it('says by code why a file cannot be read at all', async () => {
    expect(await importCsv('email,company_name\n"unclosed,x\n')).toEqual({
      __typename: 'ValidationError',
      code: 'CSV_UNREADABLE',
      field: 'csv',
    });
    expect(await importCsv('email,company_name\n')).toMatchObject({ code: 'CSV_EMPTY' });
  });
});

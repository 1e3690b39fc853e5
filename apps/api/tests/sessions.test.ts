import { hashSecret } from '@wholesale/schema/auth/tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';
import { databaseKinds } from './test-database.ts';

describe.each(databaseKinds())('sessions that slide and expire, on %s', (kind) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(kind);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const whoAmI = async (session: string) => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `session=${session}` },
      body: JSON.stringify({ query: '{ viewer { email role member { companyName } } }' }),
    });

    return {
      viewer: ((await response.json()) as { data: { viewer: unknown } }).data.viewer,
      renewed: (response.headers.get('set-cookie') ?? '').includes(`session=${session}`),
    };
  };

  it('knows the member behind a session, and the staff member behind another', async () => {
    expect(await whoAmI(await app.logIn(demoLogins.paypalMember))).toEqual({
      viewer: {
        email: demoLogins.paypalMember.email,
        role: 'MEMBER',
        member: { companyName: '株式会社やまだ商店' },
      },
      renewed: false,
    });
    expect((await whoAmI(await app.logIn(demoLogins.staff))).viewer).toEqual({
      email: demoLogins.staff.email,
      role: 'STAFF',
      member: null,
    });
  });

  it('extends a session used in its last 15 days, and forgets one left unused for 30', async () => {
    const used = await app.logIn(demoLogins.paypalMember);
    const unused = await app.logIn(demoLogins.paypalMember);

    await app.advanceClock(20 * 24, { paypalToo: false });
    expect(await whoAmI(used)).toMatchObject({ renewed: true });
    await app.advanceClock(20 * 24, { paypalToo: false });

    // 40 days after logging in: the used session slid to day 50, the other ended on day 30.
    expect((await whoAmI(used)).viewer).toMatchObject({ email: demoLogins.paypalMember.email });
    expect((await whoAmI(unused)).viewer).toBeNull();
    // The ended session is deleted when it is next presented; the used one stays.
    expect(await app.db.session.findUnique({ where: { id: hashSecret(unused) } })).toBeNull();
    expect(await app.db.session.findUnique({ where: { id: hashSecret(used) } })).not.toBeNull();
  });

  it('knows no one behind a token it never issued', async () => {
    expect((await whoAmI('not-a-session-token')).viewer).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NvpClient } from '../src/nvp/client.ts';
import { DEMO_BUYER, DEMO_CREDENTIALS } from '../src/sandbox/demo.ts';
import type { RunningSandbox } from '../src/sandbox/server.ts';
import { createSandbox } from '../src/sandbox/server.ts';

describe('GetBalance against the sandbox', () => {
  let running: RunningSandbox;

  beforeAll(async () => {
    running = await createSandbox({ credentials: [DEMO_CREDENTIALS], buyers: [DEMO_BUYER] }).listen(
      0,
    );
  });

  afterAll(async () => {
    await running?.close();
  });

  it('answers the balance to good credentials and 10002 to a wrong signature', async () => {
    const good = new NvpClient({ endpoint: `${running.url}/nvp`, credentials: DEMO_CREDENTIALS });
    const result = await good.getBalance();

    expect(result.ok && result.value.balances).toEqual([{ currency: 'JPY', amount: 0 }]);
    const wrong = new NvpClient({
      endpoint: `${running.url}/nvp`,
      credentials: { ...DEMO_CREDENTIALS, signature: 'not-the-signature' },
    });
    const refused = await wrong.getBalance();
    expect(refused.ok ? null : refused.errors[0]?.code).toBe('10002');
  });
});

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NvpClient } from '../src/nvp/client.ts';
import { DEMO_CREDENTIALS } from '../src/sandbox/demo.ts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

describe('the sandbox entry point', () => {
  it('prints where it listens, serves the demo merchant, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], {
      cwd: packageRoot,
      env: { ...process.env, PAYPAL_SANDBOX_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8');
      child.stdout.once('data', (chunk: string) => resolve(chunk));
      child.once('exit', () => reject(new Error('sandbox exited before listening')));
    });
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? '';

    expect(url).not.toBe('');
    const client = new NvpClient({ endpoint: `${url}/nvp`, credentials: DEMO_CREDENTIALS });
    const result = await client.getExpressCheckoutDetails('EC-00000000000000000');
    expect(!result.ok && result.errors[0]?.code).toBe('10410');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);
});

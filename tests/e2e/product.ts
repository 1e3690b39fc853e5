import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited early:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start:\n${output()}`);
}

function run(command: string[], env: Record<string, string>) {
  // The product under test runs on the embedded database, whatever the caller's environment.
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const child = spawn(command[0] ?? 'node', command.slice(1), {
    cwd: root,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });

  return { child, output: () => output };
}

/**
 * The whole product as `npm start` runs it — local PayPal sandbox, API on a fresh embedded
 * database with the demo data, built storefront — on free ports of this machine.
 */
export async function startProduct() {
  const [sandboxPort, apiPort, webPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = await mkdtemp(join(tmpdir(), 'wholesale-e2e-'));
  const storefront = `http://localhost:${webPort}`;
  const paypal = `http://localhost:${sandboxPort}`;
  const tsx = [process.execPath, '--import', 'tsx'];

  const sandbox = run([...tsx, 'packages/paypal/src/sandbox/main.ts'], {
    PAYPAL_SANDBOX_PORT: String(sandboxPort),
  });
  const api = run([...tsx, 'apps/api/src/main.ts'], {
    API_PORT: String(apiPort),
    PGLITE_DATA_DIR: join(dataDir, 'pglite'),
    STOREFRONT_URL: storefront,
    PAYPAL_NVP_URL: `http://127.0.0.1:${sandboxPort}/nvp`,
    PAYPAL_CHECKOUT_URL: paypal,
    LOG_LEVEL: 'warn',
  });
  const web = run([process.execPath, 'apps/web/serve.js'], {
    PORT: String(webPort),
    HOST: '127.0.0.1',
    API_URL: `http://127.0.0.1:${apiPort}/graphql`,
  });
  const processes = [sandbox, api, web];

  await waitFor(`http://127.0.0.1:${sandboxPort}/sim/transactions`, sandbox.child, sandbox.output);
  await waitFor(`http://127.0.0.1:${apiPort}/healthz`, api.child, api.output);
  await waitFor(`http://127.0.0.1:${webPort}/login`, web.child, web.output);

  return {
    storefront,
    paypal,
    logs: () => processes.map((process) => process.output()).join('\n'),
    async stop() {
      for (const { child } of processes) child.kill('SIGTERM');
      await Promise.all(
        processes.map(
          ({ child }) =>
            new Promise((resolve) =>
              child.exitCode !== null ? resolve(null) : child.once('exit', resolve),
            ),
        ),
      );
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the background traffic this closed network refuses off. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/** A port on 127.0.0.1 that was free a moment ago, so a process can be restarted on it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('no port');

  return address.port;
}

/** A TypeScript entry point of the product run as one real Node process (no tsx wrapper), so
 * that a signal sent to its pid reaches the server itself. */
export interface RunningProcess {
  pid: number;
  output(): string;
  /** Resolves with the signal or exit code once the process has ended. */
  exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
}

function runTs(script: string, env: Record<string, string>): RunningProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<string>((done) => {
    child.once('exit', (code, signal) => done(signal ?? `exit ${code}`));
  });
  if (child.pid === undefined) throw new Error(`${script} did not start`);

  return {
    pid: child.pid,
    output: () => output,
    exited,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;

      child.kill(signal);
      // A process that cannot finish its shutdown (its database gone, say) is not left behind.
      const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const how = await exited;
      clearTimeout(forced);

      return how;
    },
  };
}

async function waitUntil(
  running: RunningProcess,
  ready: () => Promise<boolean>,
  what: string,
  timeoutMs = 90_000,
) {
  const deadline = Date.now() + timeoutMs;
  let ended: string | undefined;
  void running.exited.then((how) => {
    ended = how;
  });
  while (Date.now() < deadline) {
    if (ended)
      throw new Error(`${what} ended (${ended}) before it was ready:\n${running.output()}`);
    if (await ready().catch(() => false)) return;

    await new Promise((done) => setTimeout(done, 200));
  }
  await running.kill('SIGTERM');
  throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${running.output()}`);
}

export interface SandboxProcess extends RunningProcess {
  url: string;
  port: number;
}

/** The local PayPal sandbox as its own process, on `port` (a new free one when omitted). */
export async function startSandboxProcess(port?: number): Promise<SandboxProcess> {
  const chosen = port ?? (await freePort());
  const running = runTs('packages/paypal/src/sandbox/main.ts', {
    PAYPAL_SANDBOX_PORT: String(chosen),
  });
  await waitUntil(running, async () => running.output().includes('listening on'), 'sandbox');

  return { ...running, url: `http://127.0.0.1:${chosen}`, port: chosen };
}

export interface ApiSettings {
  port: number;
  paypalUrl: string;
  /** DATABASE_URL, or PGLITE_DATA_DIR, for the database the API opens. */
  databaseEnv: Record<string, string>;
  secretKey: string;
}

export async function apiSettings(
  paypalUrl: string,
  databaseEnv: Record<string, string>,
): Promise<ApiSettings> {
  return {
    port: await freePort(),
    paypalUrl,
    databaseEnv,
    secretKey: randomBytes(32).toString('base64'),
  };
}

export interface ApiProcess extends RunningProcess {
  url: string;
}

/** The API as `npm start` runs it, with demo data, its jobs and the given database. */
export async function startApiProcess(settings: ApiSettings): Promise<ApiProcess> {
  const url = `http://127.0.0.1:${settings.port}`;
  const running = runTs('apps/api/src/main.ts', {
    DATABASE_URL: '',
    PGLITE_DATA_DIR: '',
    ...settings.databaseEnv,
    APP_SECRET_KEY: settings.secretKey,
    API_HOST: '127.0.0.1',
    API_PORT: String(settings.port),
    API_PUBLIC_URL: url,
    PAYPAL_NVP_URL: `${settings.paypalUrl}/nvp`,
    PAYPAL_CHECKOUT_URL: settings.paypalUrl,
    STOREFRONT_URL: 'http://127.0.0.1:3000',
    SMTP_URL: '',
    DEMO_DATA: '1',
    LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn',
  });
  await waitUntil(running, async () => (await fetch(`${url}/healthz`)).ok, 'API');

  return { ...running, url };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, ms, timeRuns } from '../timing.ts';
import type { ScenarioContext } from './context.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const catalogueLimit = 60 * 1024;

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

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', resolve));
}

/** `turbo run build` for the storefront; turbo answers from its cache when nothing changed. */
export async function buildStorefront(): Promise<void> {
  const build = spawn('npx', ['turbo', 'run', 'build', '--filter=@wholesale/web'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  build.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  build.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  if ((await exited(build)) !== 0) throw new Error(`The storefront build failed:\n${output}`);
}

/** The built storefront (`node apps/web/serve.js`) on a free loopback port, against our API. */
async function startStorefront(apiUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/web/serve.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', API_URL: `${apiUrl}/graphql` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The storefront exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The storefront did not start:\n${output}`);
    const answered = await fetch(`${url}/login`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** The page's own components: the app's node modules the start script names in `node_ids`. */
function pageNodes(html: string, appUrl: string, appSource: string): string[] {
  const ids = /node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1]?.split(',').map(Number) ?? [];
  const nodes = [...appSource.matchAll(/import\(["'`]([^"'`]*nodes\/(\d+)\.[^"'`]+\.js)["'`]\)/g)];

  return nodes
    .filter((match) => ids.includes(Number(match[2])))
    .map((match) => new URL(match[1] ?? '', appUrl).href);
}

/**
 * Every module the page loads before it is interactive: the scripts the HTML names, the page's
 * node modules, and all their static imports (lazy `import()`s of other pages are left out).
 */
async function javascriptOf(html: string, page: string): Promise<Map<string, number>> {
  // SvelteKit writes them relative to the page (`./_app/immutable/…`).
  const pending = [...html.matchAll(/["']((?:\.{1,2})?\/?_app\/[^"']+\.js)["']/g)].map(
    (match) => new URL(match[1] ?? '', page).href,
  );
  const sizes = new Map<string, number>();
  while (pending.length > 0) {
    const url = pending.pop() ?? '';
    if (sizes.has(url)) continue;
    const source = await (await fetch(url)).text();
    sizes.set(url, gzipSync(source).length);
    for (const match of source.matchAll(/(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g)) {
      pending.push(new URL(match[1] ?? '', url).href);
    }
    if (/\/entry\/app\.[^/]+\.js$/.test(url)) pending.push(...pageNodes(html, url, source));
  }

  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** JavaScript (gzip) and server render time of the catalogue, cart and checkout pages. */
export async function storefront(context: ScenarioContext): Promise<void> {
  const { product, memberSession } = context;
  const catalogue = await product.graphql(
    { session: memberSession },
    '{ products(first: 3) { edges { node { id } } } }',
  );
  const cart = Object.fromEntries(
    catalogue.data.products.edges.map((edge: { node: { id: string } }) => [edge.node.id, 2]),
  );
  const cookie = `session=${memberSession}; cart=${encodeURIComponent(JSON.stringify(cart))}`;
  const web = await startStorefront(product.apiUrl);
  try {
    for (const [name, path] of [
      ['catalogue', '/products'],
      ['cart', '/cart'],
      ['checkout', '/checkout'],
    ] as const) {
      const get = async () => {
        const response = await fetch(`${web.url}${path}`, {
          headers: { cookie },
          redirect: 'manual',
        });
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        return response.text();
      };
      const scripts = await javascriptOf(await get(), `${web.url}${path}`);
      const bytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);
      const render = median(await timeRuns(get, { runs: 20, warmup: 3 }));
      const limited = name === 'catalogue';

      context.results.add({
        scenario: `Storefront ${name} (${path}): JS gzip, ${scripts.size} modules`,
        database: context.label,
        figure: kb(bytes),
        target: limited ? `≤ ${kb(catalogueLimit)}` : '',
        met: limited ? bytes <= catalogueLimit : null,
      });
      context.results.add({
        scenario: `Storefront ${name} (${path}): server render`,
        database: context.label,
        figure: ms(render),
        target: '',
        met: null,
      });
    }
  } finally {
    await web.stop();
  }
}

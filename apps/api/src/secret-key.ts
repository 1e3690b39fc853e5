import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The key that encrypts stored credentials: APP_SECRET_KEY (32 bytes, base64) when set, as it
 * must be for several API instances; otherwise a key file created on first start beside the
 * embedded database, readable by its owner only.
 */
export async function loadSecretKey(keyFile: string, env = process.env): Promise<Buffer> {
  if (env.APP_SECRET_KEY) {
    const key = Buffer.from(env.APP_SECRET_KEY, 'base64');
    if (key.length !== 32) throw new Error('APP_SECRET_KEY must be 32 bytes, base64-encoded.');

    return key;
  }

  const existing = await readFile(keyFile, 'utf8').catch(() => null);
  if (existing) return Buffer.from(existing.trim(), 'base64');

  const key = randomBytes(32);
  await mkdir(dirname(keyFile), { recursive: true });
  await writeFile(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );

  return Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64');
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '@wholesale/db/client';
import { receiveIpn } from '@wholesale/schema/payments/ipn';
import type { Logger } from 'pino';

const maxBytes = 64 * 1024;

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/**
 * PayPal's notify URL. The message is stored as received and PayPal gets its 200 at once;
 * verification (the postback) and applying it happen in the background. Nothing a caller
 * sends here changes an order until PayPal itself has vouched for it.
 */
export async function handleIpn(
  request: IncomingMessage,
  response: ServerResponse,
  db: PrismaClient,
  log: Logger,
): Promise<void> {
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const body = await readBody(request);
  if (!body || !new URLSearchParams(body).has('txn_id')) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('Not an IPN message');
    return;
  }

  const fresh = await receiveIpn(db, body);
  log.info({ fresh }, 'IPN received');
  response.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
}

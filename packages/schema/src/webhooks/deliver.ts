import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { WebhookDelivery } from '@wholesale/db/prisma';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import type { Context } from '../context.ts';
import { retryDelayMs } from '../email/outbox.ts';
import { webhookEvents } from './events.ts';
import type { WebhookTargets } from './targets.ts';

const leaseMs = 5 * 60 * 1000;
const maxAttempts = 8;
const timeoutMs = 10_000;

/** `sha256=` + HMAC-SHA256 of `${timestamp}.${body}` with the endpoint's secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Posts due webhook deliveries. Each is leased under SKIP LOCKED (one instance sends it), signed
 * with its endpoint's secret and a timestamp (so a receiver can refuse replays), and retried
 * with growing waits until the receiver answers 2xx, eight times at most.
 */
export async function deliverWebhooks(context: Context) {
  const now = context.services.now();
  const due = await context.db.$queryRaw<WebhookDelivery[]>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${new Date(now.getTime() + leaseMs)}
    WHERE id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "createdAt" LIMIT 20
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;

  // RETURNING keeps no order: deliveries go out in the order their events happened, the
  // creation of an order before what followed it in the same moment.
  due.sort(
    (a, b) =>
      occurredAt(a).localeCompare(occurredAt(b)) ||
      eventRank(a) - eventRank(b) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  for (const delivery of due) {
    await deliverOne(context, delivery);
  }

  return due.length;
}

const occurredAt = (delivery: WebhookDelivery) =>
  String((delivery.payload as { occurredAt?: unknown }).occurredAt ?? '');
const eventRank = (delivery: WebhookDelivery) =>
  (webhookEvents as readonly string[]).indexOf(delivery.event);

async function deliverOne(context: Context, delivery: WebhookDelivery) {
  const endpoint = await context.db.webhookEndpoint.findUnique({
    where: { id: delivery.endpointId },
  });
  if (!endpoint?.active) {
    await context.db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: 'FAILED', lastError: 'The endpoint was removed or disabled.' },
    });
    return;
  }

  const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const attempts = delivery.attempts + 1;
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = await post(endpoint.url, context.services.config.webhookTargets, body, {
      'content-type': 'application/json',
      'user-agent': 'wholesale-webhooks',
      'x-wholesale-event': delivery.event,
      'x-wholesale-delivery': delivery.id,
      'x-wholesale-timestamp': timestamp,
      'x-wholesale-signature': signWebhook(
        context.services.secrets.open(endpoint.secretEncrypted),
        timestamp,
        body,
      ),
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
    if (/is not allowed/.test(error)) {
      error = 'The URL leads to a private or local address; webhooks go only to public addresses.';
    }
  }

  const delivered = status !== null && status >= 200 && status < 300;
  await context.db.webhookDelivery.update({
    where: { id: delivery.id },
    data: delivered
      ? {
          status: 'DELIVERED',
          attempts,
          lastStatusCode: status,
          lastError: null,
          deliveredAt: new Date(),
        }
      : {
          status: attempts >= maxAttempts ? 'FAILED' : 'PENDING',
          attempts,
          lastStatusCode: status,
          lastError: error ?? `HTTP ${status}`,
          nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
        },
  });
}

/** One agent pair per setting: each checks the address it connects to, after DNS. */
const agents = {
  public: {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: false }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: false }),
  },
  any: {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: true }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: true }),
  },
} satisfies Record<WebhookTargets, unknown>;

/** Posts a body and answers the status code; redirects are not followed. */
function post(
  url: string,
  targets: WebhookTargets,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  const https = new URL(url).protocol === 'https:';
  const send = https ? httpsRequest : httpRequest;
  const agent = https ? agents[targets].https : agents[targets].http;

  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        // The receiver's answer is not read: only its status counts.
        response.resume();
        response.on('error', () => {});
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

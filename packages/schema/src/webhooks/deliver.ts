import { createHmac } from 'node:crypto';
import type { WebhookDelivery } from '@wholesale/db/prisma';
import type { Context } from '../context.ts';
import { retryDelayMs } from '../email/outbox.ts';

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
export async function deliverWebhooks(context: Context, fetchImpl: typeof fetch = fetch) {
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

  for (const delivery of due) {
    await deliverOne(context, delivery, fetchImpl);
  }

  return due.length;
}

async function deliverOne(context: Context, delivery: WebhookDelivery, fetchImpl: typeof fetch) {
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
    const response = await fetchImpl(endpoint.url, {
      method: 'POST',
      headers: {
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
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
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

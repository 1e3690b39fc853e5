import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Order, Prisma } from '@wholesale/db/prisma';

export const webhookEvents = [
  'order.created',
  'order.updated',
  'order.payment_status_changed',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

type Tx = Pick<Prisma.TransactionClient, 'webhookEndpoint' | 'webhookDelivery'>;

/**
 * Queues an order event for every active endpoint that wants it, in the transaction that made
 * the change: an event exists exactly when the change does, and is delivered afterwards.
 */
export async function enqueueOrderEvent(
  tx: Tx,
  event: WebhookEvent,
  order: Pick<
    Order,
    'id' | 'number' | 'status' | 'paymentStatus' | 'paymentMethod' | 'total' | 'currency'
  >,
  occurredAt: Date,
): Promise<void> {
  // Few endpoints exist; filtering here also avoids array parameters, which the PGlite
  // adapter sends malformed.
  const endpoints = (
    await tx.webhookEndpoint.findMany({
      where: { active: true },
      select: { id: true, events: true },
    })
  ).filter((endpoint) => endpoint.events.includes(event));
  if (endpoints.length === 0) return;

  const payload = {
    event,
    occurredAt: occurredAt.toISOString(),
    order: {
      id: encodeGlobalID('Order', order.id),
      number: String(order.number),
      status: order.status,
      paymentStatus: order.paymentStatus,
      paymentMethod: order.paymentMethod,
      total: { amount: order.total, currency: order.currency },
    },
  };
  await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({ endpointId: endpoint.id, event, payload })),
  });
}

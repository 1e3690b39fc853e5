import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Order, Prisma } from '@wholesale/db/prisma';

export const webhookEvents = [
  'order.created',
  'order.updated',
  'order.payment_status_changed',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

type Tx = Pick<Prisma.TransactionClient, 'webhookEndpoint' | 'webhookDelivery'>;

type OrderForEvent = Pick<
  Order,
  'id' | 'number' | 'status' | 'paymentStatus' | 'paymentMethod' | 'total' | 'currency'
>;

/**
 * Queues order events for every active endpoint that wants them, in the transaction that made
 * the change: an event exists exactly when the change does, and is delivered afterwards. The
 * order is read only when some endpoint listens, so a shop without webhooks pays nothing.
 */
export async function enqueueOrderEvents(
  tx: Tx,
  events: readonly WebhookEvent[],
  order: OrderForEvent | (() => Promise<OrderForEvent>),
  occurredAt: Date,
): Promise<void> {
  // Few endpoints exist; filtering here also avoids array parameters, which the PGlite
  // adapter sends malformed.
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { active: true },
    select: { id: true, events: true },
  });
  const deliveries = events.flatMap((event) =>
    endpoints
      .filter((endpoint) => endpoint.events.includes(event))
      .map((endpoint) => ({ endpointId: endpoint.id, event })),
  );
  if (deliveries.length === 0) return;

  const current = typeof order === 'function' ? await order() : order;
  const summary = {
    id: encodeGlobalID('Order', current.id),
    number: String(current.number),
    status: current.status,
    paymentStatus: current.paymentStatus,
    paymentMethod: current.paymentMethod,
    total: { amount: current.total, currency: current.currency },
  };
  await tx.webhookDelivery.createMany({
    data: deliveries.map(({ endpointId, event }) => ({
      endpointId,
      event,
      payload: { event, occurredAt: occurredAt.toISOString(), order: summary },
    })),
  });
}

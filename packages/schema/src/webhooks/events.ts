import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Order, Prisma } from '@wholesale/db/prisma';

export const webhookEvents = [
  'order.created',
  'order.updated',
  'order.payment_status_changed',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

type Tx = Pick<Prisma.TransactionClient, 'webhookEndpoint' | 'webhookDelivery' | 'order'>;

type OrderForEvent = Pick<
  Order,
  | 'id'
  | 'number'
  | 'status'
  | 'paymentStatus'
  | 'paymentMethod'
  | 'total'
  | 'currency'
  | 'announcedAt'
  | 'createdAt'
>;

/**
 * Queues order events for every active endpoint that wants them, in the transaction that made
 * the change: an event exists exactly when the change does, and is delivered afterwards. The
 * order is read only when some endpoint listens, so a shop without webhooks pays nothing for
 * its changes.
 *
 * `order.created` is queued once per order, and marks the order announced. An order whose
 * announcement was lost (a PayPal order whose database write failed after PayPal took it) is
 * announced before its next event, so a receiver never sees an order's changes without its
 * creation. Marking comes after queueing: should the mark fail, the creation is announced
 * again rather than never.
 */
export async function enqueueOrderEvents(
  tx: Tx,
  events: readonly WebhookEvent[],
  order: OrderForEvent | (() => Promise<OrderForEvent>),
  occurredAt: Date,
): Promise<void> {
  let current = typeof order === 'function' ? undefined : order;
  const read = async () => {
    current ??= await (order as () => Promise<OrderForEvent>)();
    return current;
  };
  let queued = events;
  if (events.includes('order.created') && (await read()).announcedAt !== null) {
    queued = events.filter((event) => event !== 'order.created');
  }

  // Few endpoints exist; filtering here also avoids array parameters, which the PGlite
  // adapter sends malformed.
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { active: true },
    select: { id: true, events: true },
  });
  const wanted = (event: WebhookEvent) =>
    endpoints.filter((endpoint) => endpoint.events.includes(event));
  const announcing =
    queued.includes('order.created') ||
    (endpoints.some((endpoint) => queued.some((event) => endpoint.events.includes(event))) &&
      (await read()).announcedAt === null);
  if (announcing && !queued.includes('order.created')) queued = ['order.created', ...queued];

  const deliveries = queued.flatMap((event) =>
    wanted(event).map((endpoint) => ({ endpointId: endpoint.id, event })),
  );
  if (deliveries.length > 0) {
    const snapshot = await read();
    const summary = {
      id: encodeGlobalID('Order', snapshot.id),
      number: String(snapshot.number),
      status: snapshot.status,
      paymentStatus: snapshot.paymentStatus,
      paymentMethod: snapshot.paymentMethod,
      total: { amount: snapshot.total, currency: snapshot.currency },
    };
    await tx.webhookDelivery.createMany({
      data: deliveries.map(({ endpointId, event }) => {
        const at = event === 'order.created' ? snapshot.createdAt : occurredAt;
        return {
          endpointId,
          event,
          payload: { event, occurredAt: at.toISOString(), order: summary },
        };
      }),
    });
  }
  if (announcing) {
    await tx.order.updateMany({
      where: { id: (await read()).id, announcedAt: null },
      data: { announcedAt: new Date() },
    });
  }
}

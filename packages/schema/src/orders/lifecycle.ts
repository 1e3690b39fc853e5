import type { ActorType, OrderStatus, PaymentStatus } from '@wholesale/db/enums';
import type { Prisma } from '@wholesale/db/prisma';
import { DomainError } from '../errors.ts';
import { enqueueOrderEvents } from '../webhooks/events.ts';

/**
 * Where an order may go from each status (対応状況). PAYMENT_INCOMPLETE leaves only by being
 * paid (or switched to another method) or cancelled; CANCELLED and COMPLETED are final.
 */
export const orderStatusMoves: Record<OrderStatus, readonly OrderStatus[]> = {
  PAYMENT_INCOMPLETE: ['NEW', 'CANCELLED'],
  NEW: ['PROCESSING', 'ON_HOLD', 'SHIPPED', 'CANCELLED'],
  PROCESSING: ['ON_HOLD', 'SHIPPED', 'CANCELLED'],
  ON_HOLD: ['PROCESSING', 'SHIPPED', 'CANCELLED'],
  SHIPPED: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
};

/**
 * Where the order's money may go from each payment status. A reversal (chargeback) counts as
 * refunded, and its cancellation brings the payment back to (partly) paid.
 */
export const paymentStatusMoves: Record<PaymentStatus, readonly PaymentStatus[]> = {
  UNPAID: ['PENDING', 'PAID', 'FAILED'],
  PENDING: ['PAID', 'FAILED', 'VOIDED'],
  PAID: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED', 'PAID'],
  REFUNDED: ['PAID'],
  FAILED: [],
  VOIDED: [],
};

/** Order statuses the merchant sets by hand; the others follow from payments and expiry. */
export const staffOrderStatuses: readonly OrderStatus[] = [
  'PROCESSING',
  'ON_HOLD',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
];

export class IllegalStatusChangeError extends DomainError {
  readonly from: string;
  readonly to: string;

  constructor(from: string, to: string) {
    super('ILLEGAL_STATUS_CHANGE', `An order cannot go from ${from} to ${to}.`);
    this.from = from;
    this.to = to;
  }
}

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return orderStatusMoves[from].includes(to);
}

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentStatusMoves[from].includes(to);
}

export interface Actor {
  type: ActorType;
  id?: string | null;
}

export interface Transition {
  orderId: string;
  from: { status: OrderStatus; paymentStatus: PaymentStatus };
  to: { status?: OrderStatus; paymentStatus?: PaymentStatus };
  actor: Actor;
  note?: string;
  /** Further fields to set on the order in the same update (paidAt, …). */
  data?: Prisma.OrderUpdateManyMutationInput;
}

type Tx = Pick<
  Prisma.TransactionClient,
  'order' | 'orderEvent' | 'webhookEndpoint' | 'webhookDelivery'
>;

/**
 * The one way an order's status or payment status changes: refuses a move the tables do not
 * allow, applies it only if the order is still where the caller saw it (so of two racing
 * changes one wins and the other changes nothing), and writes the timeline. Answers whether
 * this call made the change.
 */
export async function applyTransition(tx: Tx, transition: Transition): Promise<boolean> {
  const { from, to } = transition;
  const status = to.status && to.status !== from.status ? to.status : undefined;
  const paymentStatus =
    to.paymentStatus &&
    (to.paymentStatus !== from.paymentStatus || from.paymentStatus === 'PARTIALLY_REFUNDED')
      ? to.paymentStatus
      : undefined;
  if (status && !canMoveOrder(from.status, status)) {
    throw new IllegalStatusChangeError(from.status, status);
  }
  if (paymentStatus && !canMovePayment(from.paymentStatus, paymentStatus)) {
    throw new IllegalStatusChangeError(from.paymentStatus, paymentStatus);
  }

  const claimed = await tx.order.updateMany({
    where: { id: transition.orderId, status: from.status, paymentStatus: from.paymentStatus },
    data: {
      ...transition.data,
      ...(status ? { status } : {}),
      ...(paymentStatus ? { paymentStatus } : {}),
    },
  });
  if (claimed.count === 0) return false;

  const event = {
    orderId: transition.orderId,
    actorType: transition.actor.type,
    actorId: transition.actor.id ?? null,
    note: transition.note ?? null,
  };
  const events = [
    ...(status
      ? [{ ...event, kind: 'ORDER_STATUS', fromValue: from.status, toValue: status }]
      : []),
    ...(paymentStatus
      ? [
          {
            ...event,
            kind: 'PAYMENT_STATUS',
            fromValue: from.paymentStatus,
            toValue: paymentStatus,
          },
        ]
      : []),
  ];
  if (events.length > 0) await tx.orderEvent.createMany({ data: events });

  await enqueueOrderEvents(
    tx,
    paymentStatus ? ['order.updated', 'order.payment_status_changed'] : ['order.updated'],
    () => tx.order.findUniqueOrThrow({ where: { id: transition.orderId } }),
    new Date(),
  );

  return true;
}

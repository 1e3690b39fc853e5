import type { OrderStatus, PaymentStatus } from '@wholesale/db/enums';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transition } from './lifecycle.ts';
import {
  applyTransition,
  canMoveOrder,
  canMovePayment,
  IllegalStatusChangeError,
  orderStatusMoves,
  paymentStatusMoves,
} from './lifecycle.ts';

const orderStatuses = Object.keys(orderStatusMoves) as OrderStatus[];
const paymentStatuses = Object.keys(paymentStatusMoves) as PaymentStatus[];

interface Row {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
}

/**
 * One order held in memory with the database's rule for a conditional update: it changes only
 * while it is still where the caller saw it. No webhook endpoint is listening.
 */
function orderStore(start: Row) {
  const row = { ...start };
  const events: { kind: string; fromValue: string; toValue: string }[] = [];
  const tx = {
    order: {
      async updateMany({ where, data }: { where: Row; data: Partial<Row> }) {
        if (where.status !== row.status || where.paymentStatus !== row.paymentStatus) {
          return { count: 0 };
        }
        Object.assign(row, data);
        return { count: 1 };
      },
    },
    orderEvent: {
      async createMany({ data }: { data: { kind: string; fromValue: string; toValue: string }[] }) {
        events.push(...data);
      },
    },
    webhookEndpoint: { findMany: async () => [] },
    webhookDelivery: {},
  };

  return { row, events, tx: tx as unknown as Parameters<typeof applyTransition>[0] };
}

const move = fc.record({
  status: fc.option(fc.constantFrom(...orderStatuses), { nil: undefined }),
  paymentStatus: fc.option(fc.constantFrom(...paymentStatuses), { nil: undefined }),
  /** Ask from a state seen earlier, as a caller racing another change would. */
  stale: fc.boolean(),
});

describe('random sequences of status moves through applyTransition', () => {
  it('only ever take moves the tables allow, and a refused or stale move changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(move, { maxLength: 40 }), async (moves) => {
        const store = orderStore({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' });
        const seen: Row[] = [{ ...store.row }];

        for (const { status, paymentStatus, stale } of moves) {
          const before = { ...store.row };
          const eventsBefore = store.events.length;
          const from = stale ? (seen[0] as Row) : before;
          const transition: Transition = {
            orderId: 'order',
            from,
            to: { status, paymentStatus },
            actor: { type: 'STAFF' },
          };

          let applied = false;
          try {
            applied = await applyTransition(store.tx, transition);
          } catch (error) {
            expect(error).toBeInstanceOf(IllegalStatusChangeError);
          }

          if (!applied) {
            expect(store.row).toEqual(before);
            expect(store.events).toHaveLength(eventsBefore);
            continue;
          }
          expect(from).toEqual(before);
          if (store.row.status !== before.status) {
            expect(canMoveOrder(before.status, store.row.status)).toBe(true);
          }
          if (store.row.paymentStatus !== before.paymentStatus) {
            expect(canMovePayment(before.paymentStatus, store.row.paymentStatus)).toBe(true);
          }
          for (const event of store.events.slice(eventsBefore)) {
            const allowed =
              event.kind === 'ORDER_STATUS'
                ? canMoveOrder(event.fromValue as OrderStatus, event.toValue as OrderStatus)
                : canMovePayment(event.fromValue as PaymentStatus, event.toValue as PaymentStatus);
            expect(allowed).toBe(true);
          }
          seen.push({ ...store.row });
        }
      }),
    );
  });

  it('never bring an order back to 送信未完, out of a final status, or refund what was not paid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(move, { maxLength: 40 }), async (moves) => {
        const store = orderStore({ status: 'PAYMENT_INCOMPLETE', paymentStatus: 'UNPAID' });
        const history: Row[] = [{ ...store.row }];

        for (const { status, paymentStatus } of moves) {
          const from = { ...store.row };
          await applyTransition(store.tx, {
            orderId: 'order',
            from,
            to: { status, paymentStatus },
            actor: { type: 'STAFF' },
          }).catch(() => false);
          history.push({ ...store.row });
        }

        const statuses = history.map((row) => row.status);
        const payments = history.map((row) => row.paymentStatus);
        const left = (list: string[], value: string) => {
          const first = list.indexOf(value);
          return first === -1 ? false : list.slice(first).some((item) => item !== value);
        };
        const reentered = (list: string[], value: string) => {
          const gone = list.findIndex((item, i) => i > list.indexOf(value) && item !== value);
          return list.indexOf(value) !== -1 && gone !== -1 && list.slice(gone).includes(value);
        };
        for (const once of ['PAYMENT_INCOMPLETE', 'NEW'])
          expect(reentered(statuses, once)).toBe(false);
        for (const final of ['COMPLETED', 'CANCELLED']) expect(left(statuses, final)).toBe(false);
        for (const final of ['FAILED', 'VOIDED']) expect(left(payments, final)).toBe(false);
        const firstRefund = payments.findIndex(
          (item) => item === 'REFUNDED' || item === 'PARTIALLY_REFUNDED',
        );
        if (firstRefund !== -1) expect(payments.slice(0, firstRefund)).toContain('PAID');
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../apps/api/tests/test-database.ts';
import { createFaultDatabase, orderLedger, stockOf } from './support/databases.ts';
import { apiSettings, startApiProcess, startSandboxProcess } from './support/processes.ts';
import { outwait, runReconciliationOnPostgres } from './support/reconciliation.ts';
import {
  approveAtPayPal,
  buyerLogin,
  completeReturnMutation,
  delayNextAtPayPal,
  eventually,
  logIn,
  orderQuery,
  paypalTransactions,
  productBySku,
  startPayPalCheckout,
} from './support/shop.ts';

const sku = 'TW-1003';

describe('the API killed between PayPal taking a payment and the order recording it', () => {
  it.concurrent.each(databaseKinds())(
    'ends with the order paid once, found by reconciliation after a restart, on %s',
    async (kind) => {
      const db = await createFaultDatabase(kind);
      const sandbox = await startSandboxProcess();
      const settings = await apiSettings(sandbox.url, db.env);
      let api = await startApiProcess(settings);
      try {
        const buyer = await logIn(api.url, buyerLogin.email, buyerLogin.password);
        const product = await productBySku(buyer, sku);
        const started = await startPayPalCheckout(buyer, product.id, 2);
        const number: string = started.order.number;
        const returned = await approveAtPayPal(sandbox.url, started.redirectUrl);

        // PayPal takes the money and then holds its answer; the API dies while it waits.
        await delayNextAtPayPal(sandbox.url, 'DoExpressCheckoutPayment', 120_000, 'after');
        const lostReturn = buyer(completeReturnMutation, { input: returned }).catch(
          (error: unknown) => error,
        );
        await eventually('PayPal took the payment', async () => {
          return (await paypalTransactions(sandbox.url, number)).length === 1;
        });
        expect(await api.kill('SIGKILL')).toBe('SIGKILL');
        expect(await lostReturn).toBeInstanceOf(Error);

        const killed = await orderLedger(db, number);
        expect(killed).toMatchObject({ paymentStatus: 'UNPAID', settledPayments: 0 });
        expect(killed.paymentLockedUntil).not.toBeNull();

        if (kind === 'postgresql') {
          api = await startApiProcess(settings);
          // While the dead request's lock holds, reconciliation leaves the order for its next run.
          await runReconciliationOnPostgres(db);
          expect(await orderLedger(db, number)).toMatchObject({ paymentStatus: 'UNPAID' });

          await outwait(killed.paymentLockedUntil);
          await runReconciliationOnPostgres(db);
        } else {
          // The embedded database admits one process: the restarted API reconciles on start.
          await outwait(killed.paymentLockedUntil);
          api = await startApiProcess(settings);
        }

        const order = await eventually(
          'the order is paid',
          async () => {
            const answer = await buyer(orderQuery, { number });
            return answer.data?.order.paymentStatus === 'PAID' && answer.data.order;
          },
          60_000,
        );
        expect(order).toMatchObject({ status: 'NEW', paymentStatus: 'PAID' });

        await api.kill('SIGTERM');
        expect(await orderLedger(db, number)).toMatchObject({
          status: 'NEW',
          paymentStatus: 'PAID',
          settledPayments: 1,
          orderEmails: 1,
          paidEvents: 1,
        });
        expect(await paypalTransactions(sandbox.url, number)).toHaveLength(1);
        expect(await stockOf(db, sku)).toBe(product.stock - 2);
      } finally {
        await api.kill('SIGTERM');
        await sandbox.kill('SIGTERM');
        await db.drop();
      }
    },
  );
});

import type { SandboxContext } from './context.ts';
import { fault } from './fault.ts';
import { newTransactionId } from './ids.ts';
import { refundIpn } from './ipn-messages.ts';
import { type Refund, refundedAmount, type Transaction } from './state.ts';

export interface RefundRequest {
  type: 'Full' | 'Partial';
  /** Minor units; required for Partial, refused for Full. */
  amount?: number;
  currency?: string;
  note?: string;
}

function refundableAmount(txn: Transaction): number {
  if (txn.action !== 'Sale' || txn.status === 'Voided' || txn.status === 'Pending') {
    throw fault('10009', 'You can not refund this type of transaction');
  }

  const remaining = txn.amount - refundedAmount(txn);
  if (remaining <= 0) throw fault('10009', 'This transaction has already been fully refunded');

  return remaining;
}

function amountToRefund(txn: Transaction, request: RefundRequest): number {
  const remaining = refundableAmount(txn);
  if (request.currency !== undefined && request.currency !== txn.currency) {
    throw fault(
      '10009',
      'The partial refund must be the same currency as the original transaction',
    );
  }

  if (request.type === 'Full') {
    if (request.amount !== undefined) {
      throw fault('10004', 'You can not specify a partial amount with a full refund');
    }
    if (txn.refunds.length > 0)
      throw fault('10009', 'Can not do a full refund after a partial refund');

    return remaining;
  }

  if (request.amount === undefined || request.amount <= 0) {
    throw fault('10004', 'The partial refund amount must be a positive amount');
  }
  if (request.amount > txn.amount) {
    throw fault(
      '10009',
      'The partial refund amount must be less than or equal to the original transaction amount',
    );
  }
  if (request.amount > remaining) {
    throw fault(
      '10009',
      'The partial refund amount must be less than or equal to the remaining amount',
    );
  }

  return request.amount;
}

/** Refunds part or all of a payment, never more than what remains, and posts the IPN. */
export function refundTransaction(
  ctx: SandboxContext,
  txn: Transaction,
  request: RefundRequest,
): Refund {
  const amount = amountToRefund(txn, request);
  const refund: Refund = {
    id: newTransactionId(),
    amount,
    createdAt: ctx.now(),
    note: request.note,
  };
  txn.refunds.push(refund);
  txn.status = refundedAmount(txn) >= txn.amount ? 'Refunded' : 'Partially-Refunded';
  ctx.state.refundParents.set(refund.id, txn.id);
  if (txn.notifyUrl !== undefined) {
    ctx.ipn.send(txn.notifyUrl, 'refund', refund.id, refundIpn(txn, refund));
  }

  return refund;
}

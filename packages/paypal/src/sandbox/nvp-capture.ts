import { formatAmount, parseAmount } from '../nvp/codec.ts';
import type { NvpAnswer, NvpRequest } from './answer.ts';
import type { SandboxContext } from './context.ts';
import { fault } from './fault.ts';
import { newTransactionId, nvpTimestamp } from './ids.ts';
import { captureIpn } from './ipn-messages.ts';
import { feeFor } from './nvp-do-payment.ts';
import { ownTransaction, remembered } from './nvp-transactions.ts';
import type { Transaction } from './state.ts';

/** PayPal lets an authorization be captured for 29 days. */
const AUTHORIZATION_DAYS = 29;

function captureAmount(request: NvpRequest, authorization: Transaction): number {
  const currency = request.fields.CURRENCYCODE ?? authorization.currency;
  if (currency !== authorization.currency) throw fault('10605');
  const value = request.fields.AMT;
  if (value === undefined || value === '') throw fault('10414');

  let amount: number;
  try {
    amount = parseAmount(value, currency);
  } catch {
    throw fault('10414');
  }
  if (amount <= 0 || amount > authorization.amount) throw fault('10610');

  return amount;
}

function authorizationToCapture(ctx: SandboxContext, request: NvpRequest): Transaction {
  const authorization = ownTransaction(ctx, request.fields.AUTHORIZATIONID, request.merchant);
  if (authorization === undefined || authorization.action !== 'Authorization') {
    throw fault('10609');
  }
  if (authorization.status === 'Voided') throw fault('10600');
  if (authorization.captureId !== undefined) throw fault('10602');
  if (ctx.now() - authorization.createdAt > AUTHORIZATION_DAYS * 24 * 60 * 60 * 1000) {
    throw fault('10601');
  }
  if ((request.fields.COMPLETETYPE ?? 'Complete') !== 'Complete') {
    throw fault('10004', 'Partial captures (NotComplete) are not supported by this sandbox');
  }

  return authorization;
}

/**
 * DoCapture: takes the money of an authorization, once, as a new sale whose parent is the
 * authorization. Refunds are then made against the sale.
 */
export function doCapture(ctx: SandboxContext, request: NvpRequest): NvpAnswer {
  const { key, answer } = remembered(ctx, request, 'DoCapture');
  if (answer !== undefined) return { ack: 'Success', ...answer };

  const authorization = authorizationToCapture(ctx, request);
  const amount = captureAmount(request, authorization);
  const capture: Transaction = {
    ...authorization,
    id: newTransactionId(),
    action: 'Sale',
    invoiceId: request.fields.INVNUM || authorization.invoiceId,
    amount,
    fee: feeFor(amount, authorization.currency),
    status: 'Completed',
    pendingReason: undefined,
    createdAt: ctx.now(),
    refunds: [],
    authorizationId: authorization.id,
    captureId: undefined,
  };
  ctx.state.transactions.set(capture.id, capture);
  authorization.captureId = capture.id;
  authorization.status = 'Completed';
  delete authorization.pendingReason;
  if (capture.notifyUrl !== undefined) {
    ctx.ipn.send(capture.notifyUrl, 'payment', capture.id, captureIpn(capture, authorization));
  }

  const money = (minor: number) => formatAmount(minor, capture.currency);
  const lead: Record<string, string> = { AUTHORIZATIONID: authorization.id };
  if (request.fields.MSGSUBID) lead.MSGSUBID = request.fields.MSGSUBID;
  const fields = {
    TRANSACTIONID: capture.id,
    PARENTTRANSACTIONID: authorization.id,
    TRANSACTIONTYPE: 'expresscheckout',
    PAYMENTTYPE: 'instant',
    ORDERTIME: nvpTimestamp(capture.createdAt),
    AMT: money(capture.amount),
    FEEAMT: money(capture.fee),
    TAXAMT: money(capture.tax),
    CURRENCYCODE: capture.currency,
    PAYMENTSTATUS: 'Completed',
    PENDINGREASON: 'None',
    REASONCODE: 'None',
    PROTECTIONELIGIBILITY: 'Ineligible',
    ...(capture.invoiceId === undefined ? {} : { INVNUM: capture.invoiceId }),
  };
  if (key !== undefined) ctx.state.replies.set(key, { lead, fields });

  return { ack: 'Success', lead, fields };
}

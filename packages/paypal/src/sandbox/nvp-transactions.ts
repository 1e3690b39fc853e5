import { formatAmount, parseAmount } from '../nvp/codec.ts';
import type { NvpAnswer, NvpRequest } from './answer.ts';
import type { SandboxContext } from './context.ts';
import { fault } from './fault.ts';
import { accountEmailFor, accountIdFor, nvpTimestamp } from './ids.ts';
import { voidIpn } from './ipn-messages.ts';
import { refundTransaction as refund } from './refunds.ts';
import { refundedAmount, type Transaction } from './state.ts';

export function ownTransaction(ctx: SandboxContext, id: string | undefined, merchant: string) {
  const txn = id === undefined ? undefined : ctx.state.transactions.get(id);
  if (txn === undefined || txn.merchant !== merchant) return undefined;

  return txn;
}

/** Stored answers for a repeated MSGSUBID, which PayPal returns instead of acting twice. */
export function remembered(ctx: SandboxContext, request: NvpRequest, method: string) {
  const msgSubId = request.fields.MSGSUBID;
  if (!msgSubId) return { key: undefined, answer: undefined };

  const key = `${request.merchant} ${method} ${msgSubId}`;

  return { key, answer: ctx.state.replies.get(key) };
}

function payerFields(txn: Transaction): Record<string, string> {
  const fields: Record<string, string> = {
    RECEIVERBUSINESS: accountEmailFor(txn.merchant),
    RECEIVEREMAIL: accountEmailFor(txn.merchant),
    RECEIVERID: accountIdFor(txn.merchant),
    PAYERID: txn.payer.payerId,
    PAYERSTATUS: txn.payer.status,
    COUNTRYCODE: txn.payer.countryCode,
  };
  if (txn.payer.email !== undefined) fields.EMAIL = txn.payer.email;
  if (txn.payer.firstName !== undefined) fields.FIRSTNAME = txn.payer.firstName;
  if (txn.payer.lastName !== undefined) fields.LASTNAME = txn.payer.lastName;

  return fields;
}

function paymentDetails(txn: Transaction): Record<string, string> {
  const money = (minor: number) => formatAmount(minor, txn.currency);
  const fields: Record<string, string> = {
    TRANSACTIONID: txn.id,
    TRANSACTIONTYPE: 'expresscheckout',
    PAYMENTTYPE: 'instant',
    ORDERTIME: nvpTimestamp(txn.createdAt),
    AMT: money(txn.amount),
    FEEAMT: money(txn.fee),
    TAXAMT: money(txn.tax),
    CURRENCYCODE: txn.currency,
    PAYMENTSTATUS: txn.status,
    PENDINGREASON: txn.pendingReason ?? 'None',
    REASONCODE: refundedAmount(txn) > 0 ? 'Refund' : 'None',
  };
  if (txn.authorizationId !== undefined) fields.PARENTTRANSACTIONID = txn.authorizationId;
  if (txn.invoiceId !== undefined) fields.INVNUM = txn.invoiceId;
  if (txn.custom !== undefined) fields.CUSTOM = txn.custom;
  txn.lines.forEach((line, n) => {
    fields[`L_NAME${n}`] = line.name;
    fields[`L_NUMBER${n}`] = line.number ?? '';
    fields[`L_QTY${n}`] = String(line.quantity);
    fields[`L_AMT${n}`] = money(line.amount);
  });

  return fields;
}

function refundDetails(parent: Transaction, refundId: string): Record<string, string> {
  const refund = parent.refunds.find((r) => r.id === refundId);
  const amount = formatAmount(refund?.amount ?? 0, parent.currency);

  return {
    TRANSACTIONID: refundId,
    PARENTTRANSACTIONID: parent.id,
    TRANSACTIONTYPE: 'sendmoney',
    PAYMENTTYPE: 'instant',
    ORDERTIME: nvpTimestamp(refund?.createdAt ?? parent.createdAt),
    AMT: `-${amount}`,
    FEEAMT: formatAmount(0, parent.currency),
    CURRENCYCODE: parent.currency,
    PAYMENTSTATUS: 'Refunded',
    PENDINGREASON: 'None',
    REASONCODE: 'Refund',
    ...(parent.invoiceId === undefined ? {} : { INVNUM: parent.invoiceId }),
  };
}

export function getTransactionDetails(ctx: SandboxContext, request: NvpRequest): NvpAnswer {
  const id = request.fields.TRANSACTIONID;
  const parentId = id === undefined ? undefined : ctx.state.refundParents.get(id);
  const parent = ownTransaction(ctx, parentId, request.merchant);
  if (parent !== undefined && id !== undefined) {
    return { ack: 'Success', lead: payerFields(parent), fields: refundDetails(parent, id) };
  }

  const txn = ownTransaction(ctx, id, request.merchant);
  if (txn === undefined) throw fault('10004');

  return { ack: 'Success', lead: payerFields(txn), fields: paymentDetails(txn) };
}

function requestedAmount(request: NvpRequest, currency: string): number | undefined {
  const value = request.fields.AMT;
  if (value === undefined || value === '') return undefined;

  try {
    return parseAmount(value, currency);
  } catch {
    throw fault('10009', 'The partial refund amount is not valid');
  }
}

export function refundTransaction(ctx: SandboxContext, request: NvpRequest): NvpAnswer {
  const { key, answer } = remembered(ctx, request, 'RefundTransaction');
  if (answer !== undefined) return { ack: 'Success', ...answer };

  const txn = ownTransaction(ctx, request.fields.TRANSACTIONID, request.merchant);
  if (txn === undefined) throw fault('10004');

  const type = request.fields.REFUNDTYPE ?? 'Full';
  if (type !== 'Full' && type !== 'Partial') {
    throw fault('10004', `Refund type ${type} is not supported by this sandbox`);
  }

  const made = refund(ctx, txn, {
    type,
    amount: requestedAmount(request, request.fields.CURRENCYCODE ?? txn.currency),
    currency: request.fields.CURRENCYCODE,
    note: request.fields.NOTE,
  });
  const money = (minor: number) => formatAmount(minor, txn.currency);
  const lead: Record<string, string> = {
    REFUNDTRANSACTIONID: made.id,
    FEEREFUNDAMT: money(0),
    GROSSREFUNDAMT: money(made.amount),
    NETREFUNDAMT: money(made.amount),
    CURRENCYCODE: txn.currency,
    TOTALREFUNDEDAMOUNT: money(refundedAmount(txn)),
    ...(request.fields.MSGSUBID ? { MSGSUBID: request.fields.MSGSUBID } : {}),
  };
  const fields = { REFUNDSTATUS: 'Instant', PENDINGREASON: 'None' };
  if (key !== undefined) ctx.state.replies.set(key, { lead, fields });

  return { ack: 'Success', lead, fields };
}

export function doVoid(ctx: SandboxContext, request: NvpRequest): NvpAnswer {
  const { key, answer } = remembered(ctx, request, 'DoVoid');
  if (answer !== undefined) return { ack: 'Success', ...answer };

  const txn = ownTransaction(ctx, request.fields.AUTHORIZATIONID, request.merchant);
  if (txn === undefined || txn.action !== 'Authorization') throw fault('10609');
  if (txn.status === 'Voided') throw fault('10600');
  if (txn.captureId !== undefined) throw fault('10602');

  txn.status = 'Voided';
  txn.voidedAt = ctx.now();
  delete txn.pendingReason;
  if (txn.notifyUrl !== undefined) ctx.ipn.send(txn.notifyUrl, 'void', txn.id, voidIpn(txn));

  const lead: Record<string, string> = { AUTHORIZATIONID: txn.id };
  if (request.fields.MSGSUBID) lead.MSGSUBID = request.fields.MSGSUBID;
  if (key !== undefined) ctx.state.replies.set(key, { lead, fields: {} });

  return { ack: 'Success', lead };
}

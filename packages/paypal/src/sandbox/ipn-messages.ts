import { formatAmount } from '../nvp/codec.ts';
import { accountEmailFor, accountIdFor } from './ids.ts';
import type { Refund, Transaction } from './state.ts';

const PAYMENT_DATE = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  hour12: false,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  month: 'short',
  day: '2-digit',
  year: 'numeric',
  timeZoneName: 'short',
});

/** IPN's payment_date: `20:12:59 Jan 13, 2026 PST`, in PayPal's own time zone. */
export function ipnPaymentDate(ms: number): string {
  const parts = Object.fromEntries(
    PAYMENT_DATE.formatToParts(new Date(ms)).map((part) => [part.type, part.value]),
  );
  const hour = parts.hour === '24' ? '00' : parts.hour;

  return `${hour}:${parts.minute}:${parts.second} ${parts.month} ${parts.day}, ${parts.year} ${parts.timeZoneName}`;
}

function commonFields(txn: Transaction): Record<string, string> {
  const fields: Record<string, string> = {
    mc_currency: txn.currency,
    invoice: txn.invoiceId ?? '',
    custom: txn.custom ?? '',
    payer_id: txn.payer.payerId,
    payer_email: txn.payer.email ?? '',
    payer_status: txn.payer.status,
    first_name: txn.payer.firstName ?? '',
    last_name: txn.payer.lastName ?? '',
    residence_country: txn.payer.countryCode,
    receiver_email: accountEmailFor(txn.merchant),
    receiver_id: accountIdFor(txn.merchant),
    business: accountEmailFor(txn.merchant),
    payment_type: 'instant',
    protection_eligibility: 'Ineligible',
    charset: 'UTF-8',
    notify_version: '3.9',
    test_ipn: '1',
  };

  return fields;
}

function cartFields(txn: Transaction): Record<string, string> {
  const fields: Record<string, string> = { num_cart_items: String(txn.lines.length) };
  txn.lines.forEach((line, i) => {
    const n = i + 1;
    fields[`item_name${n}`] = line.name;
    fields[`item_number${n}`] = line.number ?? '';
    fields[`quantity${n}`] = String(line.quantity);
    fields[`mc_gross_${n}`] = formatAmount(line.amount * line.quantity, txn.currency);
  });

  return fields;
}

export function paymentIpn(txn: Transaction): Record<string, string> {
  const fields: Record<string, string> = {
    txn_type: 'express_checkout',
    txn_id: txn.id,
    payment_status: txn.status === 'Pending' ? 'Pending' : 'Completed',
    payment_date: ipnPaymentDate(txn.createdAt),
    mc_gross: formatAmount(txn.amount, txn.currency),
    mc_fee: formatAmount(txn.fee, txn.currency),
    tax: formatAmount(txn.tax, txn.currency),
    ...commonFields(txn),
    ...cartFields(txn),
  };
  if (txn.status === 'Pending') {
    fields.pending_reason = txn.pendingReason ?? 'authorization';
    fields.auth_id = txn.id;
    fields.auth_status = 'Pending';
    fields.auth_amount = formatAmount(txn.amount, txn.currency);
    fields.transaction_entity = 'auth';
  }

  return fields;
}

export function refundIpn(txn: Transaction, refund: Refund): Record<string, string> {
  return {
    txn_id: refund.id,
    parent_txn_id: txn.id,
    payment_status: 'Refunded',
    reason_code: 'refund',
    payment_date: ipnPaymentDate(refund.createdAt),
    mc_gross: `-${formatAmount(refund.amount, txn.currency)}`,
    mc_fee: formatAmount(0, txn.currency),
    ...commonFields(txn),
  };
}

export function voidIpn(txn: Transaction): Record<string, string> {
  return {
    txn_type: 'express_checkout',
    txn_id: txn.id,
    auth_id: txn.id,
    payment_status: 'Voided',
    auth_status: 'Voided',
    auth_amount: formatAmount(txn.amount, txn.currency),
    transaction_entity: 'auth',
    payment_date: ipnPaymentDate(txn.voidedAt ?? txn.createdAt),
    mc_gross: formatAmount(txn.amount, txn.currency),
    ...commonFields(txn),
  };
}

/** A capture: a completed sale whose parent is the authorization it took the money of. */
export function captureIpn(
  capture: Transaction,
  authorization: Transaction,
): Record<string, string> {
  return {
    ...paymentIpn(capture),
    parent_txn_id: authorization.id,
    auth_id: authorization.id,
    auth_status: 'Completed',
    auth_amount: formatAmount(authorization.amount, authorization.currency),
    transaction_entity: 'payment',
  };
}

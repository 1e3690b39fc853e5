import { isSupportedCurrency, parseAmount } from '../nvp/codec.ts';
import type { NvpPaymentAction } from '../nvp/types.ts';
import { fault } from './fault.ts';
import type { PaymentLine, PaymentRequest } from './state.ts';

type Fields = Record<string, string>;

const P = 'PAYMENTREQUEST_0_';
const MAX_LINES = 100;

function amount(fields: Fields, key: string, currency: string, code: string): number | undefined {
  const value = fields[key];
  if (value === undefined || value === '') return undefined;

  let minor: number;
  try {
    minor = parseAmount(value, currency);
  } catch {
    // Includes a decimal point in a JPY amount, which PayPal refuses.
    throw fault(code);
  }
  if (minor < 0) throw fault(code);

  return minor;
}

function paymentAction(fields: Fields): NvpPaymentAction {
  const value = fields[`${P}PAYMENTACTION`] ?? fields.PAYMENTACTION ?? 'Sale';
  if (value === 'Sale' || value === 'Authorization') return value;

  throw fault('10420', `PaymentAction ${value} is not supported by this sandbox.`);
}

function readLines(fields: Fields, currency: string): PaymentLine[] {
  const lines: PaymentLine[] = [];
  for (let n = 0; n < MAX_LINES; n += 1) {
    const name = fields[`L_${P}NAME${n}`];
    const rawAmount = fields[`L_${P}AMT${n}`];
    if (name === undefined && rawAmount === undefined) break;

    const lineAmount = amount(fields, `L_${P}AMT${n}`, currency, '10431');
    if (lineAmount === undefined) throw fault('10430');

    const rawQuantity = fields[`L_${P}QTY${n}`] ?? '1';
    if (!/^\d{1,6}$/.test(rawQuantity) || Number(rawQuantity) < 1) {
      throw fault('10004', `Item quantity is invalid: ${rawQuantity}.`);
    }
    if ((name ?? '').length > 127) {
      throw fault('10004', 'Item name exceeds maximum allowable length of 127 characters.');
    }

    lines.push({
      name: name ?? '',
      number: fields[`L_${P}NUMBER${n}`],
      amount: lineAmount,
      quantity: Number(rawQuantity),
    });
  }

  return lines;
}

function checkLengths(fields: Fields): void {
  if ((fields[`${P}INVNUM`] ?? '').length > 127) throw fault('10432');
  if ((fields[`${P}CUSTOM`] ?? '').length > 256) {
    throw fault('10004', 'Custom value exceeds maximum allowable length.');
  }
  if ((fields[`${P}NOTIFYURL`] ?? '').length > 2048) {
    throw fault('10004', 'The NotifyURL element value exceeds maximum allowable length.');
  }
}

/**
 * Reads PAYMENTREQUEST_0 the way PayPal checks it: amounts in the currency's format, item
 * total equal to the lines, order total equal to its parts.
 */
export function readPaymentRequest(fields: Fields): PaymentRequest {
  const currency = fields[`${P}CURRENCYCODE`] ?? 'USD';
  if (!isSupportedCurrency(currency)) throw fault('10605');

  const total = amount(fields, `${P}AMT`, currency, '10401');
  if (total === undefined) throw fault('10400');

  const itemTotal = amount(fields, `${P}ITEMAMT`, currency, '10426');
  const shipping = amount(fields, `${P}SHIPPINGAMT`, currency, '10427') ?? 0;
  const handling = amount(fields, `${P}HANDLINGAMT`, currency, '10428') ?? 0;
  const tax = amount(fields, `${P}TAXAMT`, currency, '10429') ?? 0;
  const lines = readLines(fields, currency);
  checkLengths(fields);

  const linesTotal = lines.reduce((sum, line) => sum + line.amount * line.quantity, 0);
  if (lines.length > 0 && itemTotal === undefined) throw fault('10413');
  if (itemTotal !== undefined && lines.length > 0 && itemTotal !== linesTotal) throw fault('10413');

  const parts = (itemTotal ?? 0) + shipping + handling + tax;
  if (itemTotal !== undefined && total !== parts) throw fault('10413');
  if (total === 0) throw fault('10525');

  return {
    action: paymentAction(fields),
    currency,
    total,
    itemTotal: itemTotal ?? total,
    shipping,
    handling,
    tax,
    invoiceId: fields[`${P}INVNUM`] || undefined,
    notifyUrl: fields[`${P}NOTIFYURL`] || undefined,
    custom: fields[`${P}CUSTOM`] || undefined,
    lines,
  };
}

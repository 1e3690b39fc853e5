import { parseAmount } from './codec.ts';
import { firstField, NvpResponseFieldError, requiredField } from './response.ts';
import type {
  CaptureResult,
  CheckoutStatus,
  ExpressCheckoutDetails,
  ExpressCheckoutPayment,
  RefundResult,
  TransactionDetails,
} from './types.ts';

type Raw = Record<string, string>;

const CHECKOUT_STATUSES: readonly CheckoutStatus[] = [
  'PaymentActionNotInitiated',
  'PaymentActionFailed',
  'PaymentActionInProgress',
  'PaymentActionCompleted',
];

function amountField(raw: Raw, currency: string, ...keys: string[]): number {
  const value = firstField(raw, ...keys);
  if (value === undefined) throw new NvpResponseFieldError(`PayPal's response has no ${keys[0]}`);

  try {
    return parseAmount(value, currency);
  } catch {
    throw new NvpResponseFieldError(`PayPal's ${keys[0]} is not a ${currency} amount`);
  }
}

function optionalAmount(raw: Raw, currency: string, key: string): number | undefined {
  return raw[key] ? amountField(raw, currency, key) : undefined;
}

/** PayPal writes "None" where there is no reason; callers are better served by undefined. */
function reason(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value.toLowerCase() === 'none' ? undefined : value;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function readToken(raw: Raw): { token: string } {
  return { token: requiredField(raw, 'TOKEN') };
}

export function readCheckoutDetails(raw: Raw): ExpressCheckoutDetails {
  const status = requiredField(raw, 'CHECKOUTSTATUS');
  if (!CHECKOUT_STATUSES.includes(status as CheckoutStatus)) {
    throw new NvpResponseFieldError(`Unknown CHECKOUTSTATUS ${JSON.stringify(status)}`);
  }

  const currency = firstField(raw, 'PAYMENTREQUEST_0_CURRENCYCODE', 'CURRENCYCODE') ?? 'USD';

  return withoutUndefined({
    token: requiredField(raw, 'TOKEN'),
    checkoutStatus: status as CheckoutStatus,
    payerId: firstField(raw, 'PAYERID'),
    payerEmail: firstField(raw, 'EMAIL'),
    payerStatus: firstField(raw, 'PAYERSTATUS'),
    firstName: firstField(raw, 'FIRSTNAME'),
    lastName: firstField(raw, 'LASTNAME'),
    currency,
    total: amountField(raw, currency, 'PAYMENTREQUEST_0_AMT', 'AMT'),
    invoiceId: firstField(raw, 'PAYMENTREQUEST_0_INVNUM', 'INVNUM') ?? '',
    custom: firstField(raw, 'PAYMENTREQUEST_0_CUSTOM', 'CUSTOM'),
    transactionId: firstField(
      raw,
      'PAYMENTREQUEST_0_TRANSACTIONID',
      'PAYMENTREQUESTINFO_0_TRANSACTIONID',
    ),
  });
}

export function readExpressCheckoutPayment(raw: Raw): ExpressCheckoutPayment {
  const currency = requiredField(raw, 'PAYMENTINFO_0_CURRENCYCODE');

  return withoutUndefined({
    transactionId: requiredField(raw, 'PAYMENTINFO_0_TRANSACTIONID'),
    paymentStatus: requiredField(raw, 'PAYMENTINFO_0_PAYMENTSTATUS'),
    pendingReason: reason(raw.PAYMENTINFO_0_PENDINGREASON),
    currency,
    amount: amountField(raw, currency, 'PAYMENTINFO_0_AMT'),
    fee: optionalAmount(raw, currency, 'PAYMENTINFO_0_FEEAMT'),
  });
}

export function readTransactionDetails(raw: Raw): TransactionDetails {
  const currency = requiredField(raw, 'CURRENCYCODE');

  return withoutUndefined({
    transactionId: requiredField(raw, 'TRANSACTIONID'),
    parentTransactionId: firstField(raw, 'PARENTTRANSACTIONID'),
    transactionType: raw.TRANSACTIONTYPE ?? '',
    paymentType: firstField(raw, 'PAYMENTTYPE'),
    paymentStatus: requiredField(raw, 'PAYMENTSTATUS'),
    pendingReason: reason(raw.PENDINGREASON),
    currency,
    amount: amountField(raw, currency, 'AMT'),
    fee: optionalAmount(raw, currency, 'FEEAMT'),
    invoiceId: firstField(raw, 'INVNUM'),
    custom: firstField(raw, 'CUSTOM'),
    payerId: firstField(raw, 'PAYERID'),
    payerEmail: firstField(raw, 'EMAIL'),
    orderTime: firstField(raw, 'ORDERTIME'),
  });
}

export function readRefund(raw: Raw, requestedCurrency: string): RefundResult {
  const currency = firstField(raw, 'CURRENCYCODE') ?? requestedCurrency;

  return withoutUndefined({
    refundTransactionId: requiredField(raw, 'REFUNDTRANSACTIONID'),
    grossRefundAmount: amountField(raw, currency, 'GROSSREFUNDAMT'),
    totalRefundedAmount: amountField(raw, currency, 'TOTALREFUNDEDAMOUNT'),
    feeRefundAmount: optionalAmount(raw, currency, 'FEEREFUNDAMT'),
    netRefundAmount: optionalAmount(raw, currency, 'NETREFUNDAMT'),
    refundStatus: raw.REFUNDSTATUS ?? 'Instant',
  });
}

export function readCapture(raw: Raw): CaptureResult {
  const currency = requiredField(raw, 'CURRENCYCODE');

  return withoutUndefined({
    authorizationId: requiredField(raw, 'AUTHORIZATIONID'),
    transactionId: requiredField(raw, 'TRANSACTIONID'),
    parentTransactionId: firstField(raw, 'PARENTTRANSACTIONID'),
    paymentStatus: requiredField(raw, 'PAYMENTSTATUS'),
    pendingReason: reason(raw.PENDINGREASON),
    currency,
    amount: amountField(raw, currency, 'AMT'),
    fee: optionalAmount(raw, currency, 'FEEAMT'),
  });
}

export function readVoid(raw: Raw): { authorizationId: string } {
  return { authorizationId: requiredField(raw, 'AUTHORIZATIONID') };
}

export function readBalance(raw: Raw): { balances: { currency: string; amount: number }[] } {
  const balances: { currency: string; amount: number }[] = [];
  for (let n = 0; raw[`L_CURRENCYCODE${n}`] !== undefined; n += 1) {
    const currency = raw[`L_CURRENCYCODE${n}`] ?? '';
    balances.push({ currency, amount: parseAmount(raw[`L_AMT${n}`] ?? '0', currency) });
  }

  return { balances };
}

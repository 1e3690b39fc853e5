import { formatAmount } from '../nvp/codec.ts';
import type { NvpAnswer, NvpRequest } from './answer.ts';
import { findCheckout } from './checkouts.ts';
import type { SandboxContext } from './context.ts';
import { fault } from './fault.ts';
import { newTransactionId, nvpTimestamp } from './ids.ts';
import { paymentIpn } from './ipn-messages.ts';
import { isInvoicePaid } from './nvp-express-checkout.ts';
import type { Checkout, PaymentRequest, Transaction } from './state.ts';
import { readPaymentRequest } from './validate.ts';

/** PayPal expires a token after this many DoExpressCheckoutPayment attempts. */
export const MAX_PAYMENT_ATTEMPTS = 10;

/** A PayPal-like fee, so the merchant view has something to show: 3.6% + ¥40, or + 30 cents. */
export function feeFor(amount: number, currency: string): number {
  const fixed = currency === 'JPY' ? 40 : 30;

  return Math.floor((amount * 36) / 1000) + fixed;
}

function checkPayer(checkout: Checkout, payerId: string | undefined): void {
  if (payerId === undefined || payerId === '') throw fault('10419');
  if (checkout.payer === undefined) throw fault('10485');
  if (checkout.payer.payerId !== payerId) throw fault('10406');
}

function checkSameAmount(checkout: Checkout, payment: PaymentRequest): void {
  if (payment.currency !== checkout.payment.currency) throw fault('10444');
  if (payment.total !== checkout.payment.total) {
    throw fault('10004', 'The amount does not match the amount the buyer approved.');
  }
}

function recordTransaction(ctx: SandboxContext, checkout: Checkout, payment: PaymentRequest) {
  const payer = checkout.payer;
  if (payer === undefined) throw fault('10485');

  const authorization = payment.action === 'Authorization';
  const held = authorization ? 'authorization' : ctx.state.pendingNext;
  ctx.state.pendingNext = undefined;
  const txn: Transaction = {
    id: newTransactionId(),
    token: checkout.token,
    merchant: checkout.merchant,
    action: payment.action,
    invoiceId: payment.invoiceId,
    custom: payment.custom ?? checkout.payment.custom,
    notifyUrl: payment.notifyUrl ?? checkout.payment.notifyUrl,
    currency: payment.currency,
    amount: payment.total,
    fee: authorization ? 0 : feeFor(payment.total, payment.currency),
    tax: payment.tax,
    lines: payment.lines.length > 0 ? payment.lines : checkout.payment.lines,
    payer,
    status: held ? 'Pending' : 'Completed',
    pendingReason: held,
    createdAt: ctx.now(),
    refunds: [],
  };
  ctx.state.transactions.set(txn.id, txn);

  return txn;
}

function paymentInfoFields(txn: Transaction): Record<string, string> {
  const money = (minor: number) => formatAmount(minor, txn.currency);

  return {
    PAYMENTINFO_0_TRANSACTIONID: txn.id,
    PAYMENTINFO_0_TRANSACTIONTYPE: 'expresscheckout',
    PAYMENTINFO_0_PAYMENTTYPE: 'instant',
    PAYMENTINFO_0_ORDERTIME: nvpTimestamp(txn.createdAt),
    PAYMENTINFO_0_AMT: money(txn.amount),
    PAYMENTINFO_0_FEEAMT: money(txn.fee),
    PAYMENTINFO_0_TAXAMT: money(txn.tax),
    PAYMENTINFO_0_CURRENCYCODE: txn.currency,
    PAYMENTINFO_0_PAYMENTSTATUS: txn.status,
    PAYMENTINFO_0_PENDINGREASON: txn.pendingReason ?? 'None',
    PAYMENTINFO_0_REASONCODE: 'None',
    PAYMENTINFO_0_PROTECTIONELIGIBILITY: 'Ineligible',
    PAYMENTINFO_0_PROTECTIONELIGIBILITYTYPE: 'None',
    PAYMENTINFO_0_ERRORCODE: '0',
    PAYMENTINFO_0_ACK: 'Success',
  };
}

function lead(checkout: Checkout): Record<string, string> {
  return { TOKEN: checkout.token, SUCCESSPAGEREDIRECTREQUESTED: 'false' };
}

function replayCompletion(checkout: Checkout, msgSubId: string | undefined): NvpAnswer {
  const completion = checkout.completion;
  if (completion === undefined || msgSubId === undefined || completion.msgSubId !== msgSubId) {
    throw fault('10415');
  }

  // A repeated MSGSUBID gets the original result back, flagged with warning 11607.
  const warning = fault('11607');

  return {
    ack: 'SuccessWithWarning',
    lead: lead(checkout),
    errors: [warning],
    fields: completion.fields,
  };
}

export function doExpressCheckoutPayment(
  ctx: SandboxContext,
  { fields, merchant }: NvpRequest,
): NvpAnswer {
  const checkout = findCheckout(ctx, fields.TOKEN, merchant);
  const msgSubId = fields.MSGSUBID || undefined;
  if (checkout.status === 'PaymentActionCompleted') return replayCompletion(checkout, msgSubId);
  if (checkout.attempts >= MAX_PAYMENT_ATTEMPTS) throw fault('10416');

  checkout.attempts += 1;
  try {
    checkPayer(checkout, fields.PAYERID);
    const payment = readPaymentRequest(fields);
    checkSameAmount(checkout, payment);
    if (isInvoicePaid(ctx, merchant, payment.invoiceId)) throw fault('10412');

    const txn = recordTransaction(ctx, checkout, payment);
    const answerFields: Record<string, string> = {
      INSURANCEOPTIONSELECTED: 'false',
      SHIPPINGOPTIONISDEFAULT: 'false',
      ...(msgSubId === undefined ? {} : { MSGSUBID: msgSubId }),
      ...paymentInfoFields(txn),
    };
    checkout.status = 'PaymentActionCompleted';
    checkout.transactionId = txn.id;
    checkout.completion = { msgSubId, fields: answerFields };
    if (txn.notifyUrl !== undefined)
      ctx.ipn.send(txn.notifyUrl, 'payment', txn.id, paymentIpn(txn));

    return { ack: 'Success', lead: lead(checkout), fields: answerFields };
  } catch (error) {
    if (checkout.payer !== undefined) checkout.status = 'PaymentActionFailed';
    throw error;
  }
}

/** A failure injected through /sim/fail-next still uses up an attempt on a known token. */
export function recordFailedAttempt(ctx: SandboxContext, token: string | undefined): void {
  const checkout = token === undefined ? undefined : ctx.state.checkouts.get(token);
  if (checkout === undefined || checkout.status === 'PaymentActionCompleted') return;

  checkout.attempts += 1;
  checkout.status = 'PaymentActionFailed';
}

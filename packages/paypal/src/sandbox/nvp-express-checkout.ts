import type { NvpAnswer, NvpRequest } from './answer.ts';
import { success } from './answer.ts';
import { findCheckout, TOKEN_LIFETIME_MS } from './checkouts.ts';
import type { SandboxContext } from './context.ts';
import { fault } from './fault.ts';
import { newToken } from './ids.ts';
import { paymentRequestFields } from './payment-fields.ts';
import type { Checkout } from './state.ts';
import { readPaymentRequest } from './validate.ts';

function httpUrl(value: string | undefined, missingCode: string, invalidCode: string): string {
  if (value === undefined || value === '') throw fault(missingCode);

  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // Falls through to the PayPal error below.
  }

  throw fault(invalidCode);
}

/** An invoice number already paid at this merchant, which PayPal refuses by default. */
export function isInvoicePaid(ctx: SandboxContext, merchant: string, invoiceId?: string): boolean {
  if (invoiceId === undefined) return false;

  for (const txn of ctx.state.transactions.values()) {
    if (txn.merchant === merchant && txn.invoiceId === invoiceId && txn.status !== 'Voided') {
      return true;
    }
  }

  return false;
}

export function setExpressCheckout(
  ctx: SandboxContext,
  { fields, merchant }: NvpRequest,
): NvpAnswer {
  const returnUrl = httpUrl(fields.RETURNURL, '10404', '10471');
  const cancelUrl = httpUrl(fields.CANCELURL, '10405', '10472');
  const payment = readPaymentRequest(fields);
  if (isInvoicePaid(ctx, merchant, payment.invoiceId)) throw fault('10412');

  const now = ctx.now();
  const checkout: Checkout = {
    token: newToken(),
    merchant,
    createdAt: now,
    expiresAt: now + TOKEN_LIFETIME_MS,
    payment,
    returnUrl,
    cancelUrl,
    localeCode: fields.LOCALECODE || undefined,
    brandName: fields.BRANDNAME || undefined,
    guestCheckout: fields.SOLUTIONTYPE?.toLowerCase() === 'sole',
    cardFirst: fields.LANDINGPAGE?.toLowerCase() === 'billing',
    attempts: 0,
    status: 'PaymentActionNotInitiated',
  };
  ctx.state.checkouts.set(checkout.token, checkout);

  return success({ TOKEN: checkout.token });
}

function payerFields(checkout: Checkout): Record<string, string> {
  const { payer } = checkout;
  if (payer === undefined) return {};

  const fields: Record<string, string> = {};
  if (payer.email !== undefined) fields.EMAIL = payer.email;
  fields.PAYERID = payer.payerId;
  fields.PAYERSTATUS = payer.status;
  if (payer.firstName !== undefined) fields.FIRSTNAME = payer.firstName;
  if (payer.lastName !== undefined) fields.LASTNAME = payer.lastName;
  fields.COUNTRYCODE = payer.countryCode;

  return fields;
}

export function getExpressCheckoutDetails(
  ctx: SandboxContext,
  { fields, merchant }: NvpRequest,
): NvpAnswer {
  const checkout = findCheckout(ctx, fields.TOKEN, merchant);
  const paid: Record<string, string> = {};
  if (checkout.transactionId !== undefined) {
    paid.PAYMENTREQUEST_0_TRANSACTIONID = checkout.transactionId;
    paid.PAYMENTREQUESTINFO_0_TRANSACTIONID = checkout.transactionId;
  }

  return success(
    {
      TOKEN: checkout.token,
      BILLINGAGREEMENTACCEPTEDSTATUS: '0',
      CHECKOUTSTATUS: checkout.status,
    },
    {
      ...payerFields(checkout),
      ...paymentRequestFields(checkout.payment),
      ...paid,
      PAYMENTREQUESTINFO_0_ERRORCODE: '0',
    },
  );
}

import { formatAmount, truncateField } from './codec.ts';
import type { NvpPaymentRequest } from './types.ts';

/** PayPal's limit for L_PAYMENTREQUEST_0_NAMEn. */
export const LINE_NAME_MAX = 127;

/**
 * Refuses a payment whose amounts do not add up. Sending one would be a bug in the caller,
 * so this throws rather than returning a result.
 */
export function assertPaymentAddsUp(payment: NvpPaymentRequest): void {
  for (const line of payment.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new RangeError(`Line ${line.sku} has an invalid quantity: ${line.quantity}`);
    }
  }

  const linesTotal = payment.lines.reduce((sum, line) => sum + line.unitAmount * line.quantity, 0);
  if (linesTotal !== payment.itemTotal) {
    throw new RangeError(
      `Item total ${payment.itemTotal} does not equal the sum of the lines ${linesTotal}`,
    );
  }

  const expectedTotal = payment.itemTotal + payment.shipping + payment.tax;
  if (expectedTotal !== payment.total) {
    throw new RangeError(
      `Total ${payment.total} does not equal items + shipping + tax = ${expectedTotal}`,
    );
  }
}

/** The PAYMENTREQUEST_0_* and L_PAYMENTREQUEST_0_*n fields of one payment. */
export function paymentFields(payment: NvpPaymentRequest): Record<string, string> {
  assertPaymentAddsUp(payment);

  const { currency } = payment;
  const fields: Record<string, string> = {
    PAYMENTREQUEST_0_PAYMENTACTION: payment.paymentAction ?? 'Sale',
    PAYMENTREQUEST_0_AMT: formatAmount(payment.total, currency),
    PAYMENTREQUEST_0_CURRENCYCODE: currency,
    PAYMENTREQUEST_0_ITEMAMT: formatAmount(payment.itemTotal, currency),
    PAYMENTREQUEST_0_SHIPPINGAMT: formatAmount(payment.shipping, currency),
    PAYMENTREQUEST_0_TAXAMT: formatAmount(payment.tax, currency),
    PAYMENTREQUEST_0_INVNUM: payment.invoiceId,
  };
  if (payment.notifyUrl !== undefined) fields.PAYMENTREQUEST_0_NOTIFYURL = payment.notifyUrl;
  if (payment.custom !== undefined) fields.PAYMENTREQUEST_0_CUSTOM = payment.custom;

  payment.lines.forEach((line, n) => {
    fields[`L_PAYMENTREQUEST_0_NAME${n}`] = truncateField(line.name, LINE_NAME_MAX);
    fields[`L_PAYMENTREQUEST_0_NUMBER${n}`] = line.sku;
    fields[`L_PAYMENTREQUEST_0_AMT${n}`] = formatAmount(line.unitAmount, currency);
    fields[`L_PAYMENTREQUEST_0_QTY${n}`] = String(line.quantity);
  });

  return fields;
}

import { formatAmount } from '../nvp/codec.ts';
import type { PaymentRequest } from './state.ts';

/** A payment written back the way GetExpressCheckoutDetails returns it: legacy and new names. */
export function paymentRequestFields(payment: PaymentRequest): Record<string, string> {
  const { currency } = payment;
  const money = (minor: number) => formatAmount(minor, currency);
  const amounts: Record<string, string> = {
    CURRENCYCODE: currency,
    AMT: money(payment.total),
    ITEMAMT: money(payment.itemTotal),
    SHIPPINGAMT: money(payment.shipping),
    HANDLINGAMT: money(payment.handling),
    TAXAMT: money(payment.tax),
    INSURANCEAMT: money(0),
    SHIPDISCAMT: money(0),
  };
  if (payment.invoiceId !== undefined) amounts.INVNUM = payment.invoiceId;
  if (payment.custom !== undefined) amounts.CUSTOM = payment.custom;
  if (payment.notifyUrl !== undefined) amounts.NOTIFYURL = payment.notifyUrl;

  const fields: Record<string, string> = { ...amounts };
  for (const [key, value] of Object.entries(amounts)) fields[`PAYMENTREQUEST_0_${key}`] = value;

  payment.lines.forEach((line, n) => {
    const item: Record<string, string> = {
      NAME: line.name,
      NUMBER: line.number ?? '',
      QTY: String(line.quantity),
      TAXAMT: money(0),
      AMT: money(line.amount),
    };
    for (const [key, value] of Object.entries(item)) {
      fields[`L_${key}${n}`] = value;
      fields[`L_PAYMENTREQUEST_0_${key}${n}`] = value;
    }
  });

  return fields;
}

import { formatAmount } from '../nvp/codec.ts';
import type { NvpAnswer, NvpRequest } from './answer.ts';
import type { SandboxContext } from './context.ts';
import { refundedAmount } from './state.ts';

/** GetBalance: what the merchant's sales leave after refunds and PayPal's fees, per currency. */
export function getBalance(ctx: SandboxContext, request: NvpRequest): NvpAnswer {
  const balances = new Map<string, number>();
  for (const txn of ctx.state.transactions.values()) {
    if (txn.merchant !== request.merchant || txn.status === 'Pending') continue;
    const net = txn.amount - refundedAmount(txn) - txn.fee;
    balances.set(txn.currency, (balances.get(txn.currency) ?? 0) + net);
  }
  if (balances.size === 0) balances.set('JPY', 0);

  const fields: Record<string, string> = {};
  [...balances].forEach(([currency, amount], index) => {
    fields[`L_AMT${index}`] = formatAmount(Math.max(amount, 0), currency);
    fields[`L_CURRENCYCODE${index}`] = currency;
  });

  return { ack: 'Success', lead: {}, fields };
}

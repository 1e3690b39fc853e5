import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAmount } from '../nvp/codec.ts';
import type { SandboxContext } from './context.ts';
import { PayPalFault } from './fault.ts';
import { html } from './html.ts';
import { readBody, redirect, sendHtml } from './http.ts';
import { formatMoney, page } from './layout.ts';
import { refundTransaction } from './refunds.ts';
import { refundedAmount, type Transaction } from './state.ts';

function row(txn: Transaction) {
  const money = (minor: number) => formatMoney(minor, txn.currency);
  const remaining = txn.amount - refundedAmount(txn);
  const refundable = txn.action === 'Sale' && remaining > 0 && txn.status !== 'Voided';
  const form = refundable
    ? html`<form method="post" action="/sim/merchant">
<input type="hidden" name="transactionId" value="${txn.id}">
<input name="amount" inputmode="numeric" aria-label="返金額 / Refund amount"
 placeholder="${remaining}">
<button type="submit" class="secondary" id="refund-${txn.id}">返金 / Refund</button>
</form>`
    : '';

  return html`<tr id="txn-${txn.id}">
<td>${new Date(txn.createdAt).toISOString().replace('T', ' ').slice(0, 19)}</td>
<td><code>${txn.id}</code><br><span class="muted">${txn.invoiceId ?? ''}</span></td>
<td>${txn.payer.email ?? txn.payer.payerId}</td>
<td class="num">${money(txn.amount)}<br>
<span class="muted">-${money(refundedAmount(txn))}</span></td>
<td>${txn.status}</td>
<td>${form}</td>
</tr>`;
}

function merchantPage(ctx: SandboxContext, message?: string): string {
  const transactions = [...ctx.state.transactions.values()].reverse();

  return page(
    '取引一覧 / Transactions',
    html`<section>
<h1>取引一覧 / Transactions</h1>
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<p class="muted">返金額を空欄にすると残額を全額返金します / Leave the amount empty to refund what remains.</p>
<table id="transactions">
<thead><tr>
<th>日時 / Time (UTC)</th><th>取引ID / ID</th><th>購入者 / Buyer</th>
<th class="num">金額 / Amount</th><th>状態 / Status</th><th></th>
</tr></thead>
<tbody>${transactions.map(row)}</tbody>
</table>
</section>`,
  );
}

function refundFromForm(ctx: SandboxContext, form: URLSearchParams): string | undefined {
  const txn = ctx.state.transactions.get(form.get('transactionId') ?? '');
  if (txn === undefined) return '取引が見つかりません / Transaction not found';

  const rawAmount = (form.get('amount') ?? '').trim();
  try {
    const remaining = txn.amount - refundedAmount(txn);
    const amount = rawAmount === '' ? remaining : parseAmount(rawAmount, txn.currency);
    const full = amount === txn.amount && txn.refunds.length === 0;
    refundTransaction(ctx, txn, full ? { type: 'Full' } : { type: 'Partial', amount });
  } catch (error) {
    if (error instanceof PayPalFault) return `${error.code}: ${error.longMessage}`;
    if (error instanceof RangeError)
      return '返金額が正しくありません / The refund amount is not valid';

    throw error;
  }

  return undefined;
}

/** `/sim/merchant`: a small view of the merchant's PayPal account, with refunds. */
export async function handleMerchant(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    sendHtml(res, 200, merchantPage(ctx));

    return;
  }

  const error = refundFromForm(ctx, new URLSearchParams(await readBody(req)));
  if (error !== undefined) {
    sendHtml(res, 422, merchantPage(ctx, error));

    return;
  }

  redirect(res, '/sim/merchant');
}

import { html, type SafeHtml } from './html.ts';
import { accountEmailFor } from './ids.ts';
import { formatMoney, page } from './layout.ts';
import type { Checkout } from './state.ts';

export interface CheckoutPageState {
  loginError?: string;
  cardError?: string;
  email?: string;
  commit: boolean;
}

function orderSummary(checkout: Checkout): SafeHtml {
  const { payment } = checkout;
  const money = (minor: number) => formatMoney(minor, payment.currency);
  const rows = payment.lines.map(
    (line) => html`<tr>
<td>${line.name}</td>
<td class="num">${line.quantity}</td>
<td class="num">${money(line.amount)}</td>
<td class="num">${money(line.amount * line.quantity)}</td>
</tr>`,
  );
  const merchant = checkout.brandName ?? accountEmailFor(checkout.merchant);

  return html`<section aria-labelledby="order-title">
<h1 id="order-title">${merchant}</h1>
<p class="muted">ご注文内容 / Your order${payment.invoiceId ? html` · ${payment.invoiceId}` : ''}</p>
<table id="order-lines">
<thead><tr>
<th>商品 / Item</th><th class="num">数量 / Qty</th>
<th class="num">単価 / Price</th><th class="num">金額 / Amount</th>
</tr></thead>
<tbody>${rows}</tbody>
<tfoot>
<tr><td colspan="3">小計 / Items</td><td class="num">${money(payment.itemTotal)}</td></tr>
<tr><td colspan="3">送料 / Shipping</td><td class="num">${money(payment.shipping)}</td></tr>
<tr><td colspan="3">消費税 / Tax</td><td class="num">${money(payment.tax)}</td></tr>
<tr class="total">
<td colspan="3">合計 / Total</td><td class="num" id="order-total">${money(payment.total)}</td>
</tr>
</tfoot>
</table>
</section>`;
}

function hiddenFields(checkout: Checkout, cmd: string, commit: boolean): SafeHtml {
  const useraction = commit ? html`<input type="hidden" name="useraction" value="commit">` : '';

  return html`<input type="hidden" name="cmd" value="${cmd}">
<input type="hidden" name="token" value="${checkout.token}">
${useraction}`;
}

function formError(id: string, message: string | undefined): SafeHtml | '' {
  return message ? html`<p class="error" role="alert" id="${id}">${message}</p>` : '';
}

function loginForm(checkout: Checkout, state: CheckoutPageState): SafeHtml {
  const submitLabel = state.commit ? '同意して支払う / Pay Now' : 'ログイン / Log In';

  return html`<section aria-labelledby="login-title">
<h2 id="login-title">PayPalでログイン / Log in to PayPal</h2>
${formError('login-error', state.loginError)}
<form method="post" action="/cgi-bin/webscr" id="login-form">
${hiddenFields(checkout, '_express-checkout-login', state.commit)}
<label for="email">メールアドレス / Email</label>
<input id="email" name="email" type="email" autocomplete="username" required
 value="${state.email ?? ''}">
<label for="password">パスワード / Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="login-submit" type="submit">${submitLabel}</button>
</form>
</section>`;
}

function cardForm(checkout: Checkout, state: CheckoutPageState): SafeHtml {
  return html`<section aria-labelledby="card-title">
<h2 id="card-title">カードで支払う / Pay with a card</h2>
<p class="muted">PayPalアカウントをお持ちでない方 / No PayPal account needed</p>
${formError('card-error', state.cardError)}
<form method="post" action="/cgi-bin/webscr" id="card-form">
${hiddenFields(checkout, '_express-checkout-card', state.commit)}
<label for="cardNumber">カード番号 / Card number</label>
<input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required>
<label for="expiry">有効期限 / Expiry (MM/YY)</label>
<input id="expiry" name="expiry" placeholder="MM/YY" autocomplete="cc-exp" required>
<label for="cvv">セキュリティコード / CVV</label>
<input id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" required>
<label for="cardName">カード名義 / Name on card</label>
<input id="cardName" name="cardName" autocomplete="cc-name" required>
<label for="cardEmail">メールアドレス(任意) / Email (optional)</label>
<input id="cardEmail" name="cardEmail" type="email" autocomplete="email">
<button id="card-submit" type="submit" class="secondary">カードで支払う / Pay with a card</button>
</form>
</section>`;
}

/** The buyer's page for one token: order, log-in, guest card payment and a way back. */
export function checkoutPage(checkout: Checkout, state: CheckoutPageState): string {
  const login = loginForm(checkout, state);
  const card = checkout.guestCheckout ? cardForm(checkout, state) : '';
  const forms =
    checkout.cardFirst && state.loginError === undefined ? [card, login] : [login, card];
  const cancel = `/cgi-bin/webscr?${new URLSearchParams({ cmd: '_express-checkout-cancel', token: checkout.token })}`;
  const cancelLink = html`<a id="cancel-link" href="${cancel}">キャンセルして戻る / Cancel and return</a>`;

  return page(
    'PayPalでお支払い / Pay with PayPal',
    html`${orderSummary(checkout)}${forms}${cancelLink}`,
  );
}

import { html } from './html.ts';
import { page } from './layout.ts';

/** What a person who opens the sandbox's address finds: what it is and where to go. */
export function indexPage(): string {
  return page(
    'ローカルPayPalサンドボックス / Local PayPal sandbox',
    html`<h1>ローカルPayPalサンドボックス / Local PayPal sandbox</h1>
<p>このサーバーはPayPalのNVP APIと購入者ページを手元で再現します。ショップはここに接続します。</p>
<p>This server plays PayPal's NVP API and buyer pages locally; the shop talks to it.</p>
<ul>
<li><a href="/sim/merchant">マーチャント画面（取引と返金）/ Merchant view (transactions and refunds)</a></li>
<li><a href="/sim/transactions">取引一覧 (JSON) / Transactions (JSON)</a></li>
</ul>`,
  );
}

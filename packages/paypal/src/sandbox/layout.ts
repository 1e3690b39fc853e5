import { currencyDecimals } from '../nvp/codec.ts';
import { html, SafeHtml } from './html.ts';

export function formatMoney(minor: number, currency: string): string {
  const major = minor / 10 ** currencyDecimals(currency);

  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(major);
}

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;
background:#f5f7fa;color:#1f2933}
header{background:#003087;color:#fff;padding:12px 24px;font-weight:600}
header small{font-weight:400;opacity:.8;margin-left:8px}
main{max-width:560px;margin:24px auto;padding:0 16px}
section{background:#fff;border-radius:8px;padding:20px;margin-bottom:16px;
box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.25rem;margin:0 0 12px}h2{font-size:1.05rem;margin:0 0 12px}
table{width:100%;border-collapse:collapse;font-size:.95rem}
td,th{padding:6px 4px;text-align:left;border-bottom:1px solid #e4e7eb}
td.num,th.num{text-align:right;white-space:nowrap}
tr.total td{font-weight:700;border-bottom:none}
label{display:block;margin:10px 0 4px;font-size:.9rem}
input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #cbd2d9;border-radius:6px;
font-size:1rem}
button{margin-top:16px;width:100%;padding:12px;border:0;border-radius:24px;background:#0070ba;
color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
button.secondary{background:#fff;color:#0070ba;border:1px solid #0070ba}
.error{background:#fde8e8;color:#9b1c1c;padding:10px;border-radius:6px;margin-bottom:8px}
.muted{color:#616e7c;font-size:.85rem}
a#cancel-link{display:block;text-align:center;margin:8px 0 32px;color:#0070ba}
`;

export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header>PayPal<small>ローカルサンドボックス / Local sandbox</small></header>
<main>
${body}
</main>
</body>
</html>
`.value;
}

export function errorPage(title: string, message: string): string {
  return page(
    title,
    html`<section role="alert">
<h1 id="error-title">${title}</h1>
<p id="error-message">${message}</p>
</section>`,
  );
}

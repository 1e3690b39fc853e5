import type { IncomingMessage, ServerResponse } from 'node:http';
import { guestPayerFromCard } from './card.ts';
import { approveCheckout, cancelUrlFor, checkoutProblem } from './checkouts.ts';
import type { SandboxContext } from './context.ts';
import { readBody, redirect, sendHtml, sendText } from './http.ts';
import { errorPage } from './layout.ts';
import { type CheckoutPageState, checkoutPage } from './pages.ts';
import type { Checkout, Payer, SandboxBuyer } from './state.ts';

const PROBLEM_PAGES = {
  unknown: {
    status: 404,
    title: 'このお支払いは見つかりません / Payment not found',
    ja: 'リンクが正しくないか、すでに無効です。ショップに戻って、もう一度お試しください。',
    en: 'The link is wrong or no longer valid. Please return to the shop and try again.',
  },
  expired: {
    status: 410,
    title: 'セッションの有効期限が切れました / Session expired',
    ja: 'お支払いの有効期限が切れました。ショップに戻って、もう一度お支払い手続きを行ってください。',
    en: 'This payment session has expired. Please return to the shop and start again.',
  },
  completed: {
    status: 409,
    title: 'お支払いは完了しています / Payment already complete',
    ja: 'このお支払いはすでに完了しています。',
    en: 'This payment has already been completed.',
  },
} as const;

function sendProblem(res: ServerResponse, problem: keyof typeof PROBLEM_PAGES): void {
  const { status, title, ja, en } = PROBLEM_PAGES[problem];
  sendHtml(res, status, errorPage(title, `${ja} / ${en}`));
}

export function payerFromBuyer(buyer: SandboxBuyer): Payer {
  return {
    payerId: buyer.payerId,
    email: buyer.email,
    firstName: buyer.firstName,
    lastName: buyer.lastName,
    status: buyer.status ?? 'verified',
    countryCode: buyer.countryCode ?? 'JP',
    guest: false,
  };
}

/** The open checkout for a token, or undefined after the error page was sent. */
function openCheckout(
  ctx: SandboxContext,
  token: string,
  res: ServerResponse,
): Checkout | undefined {
  const problem = checkoutProblem(ctx, token);
  if (problem !== undefined) {
    sendProblem(res, problem);

    return undefined;
  }

  return ctx.state.checkouts.get(token);
}

function showCheckout(res: ServerResponse, checkout: Checkout, state: CheckoutPageState): void {
  sendHtml(res, 200, checkoutPage(checkout, state));
}

export function handleWebscrGet(ctx: SandboxContext, url: URL, res: ServerResponse): void {
  const cmd = url.searchParams.get('cmd');
  const token = url.searchParams.get('token') ?? '';
  const commit = url.searchParams.get('useraction') === 'commit';
  if (cmd === '_express-checkout') {
    const checkout = openCheckout(ctx, token, res);
    if (checkout !== undefined) showCheckout(res, checkout, { commit });

    return;
  }
  if (cmd === '_express-checkout-cancel') {
    const checkout = ctx.state.checkouts.get(token);
    if (checkout === undefined) {
      sendProblem(res, 'unknown');

      return;
    }

    redirect(res, cancelUrlFor(checkout));

    return;
  }

  sendHtml(res, 404, errorPage('ページが見つかりません / Page not found', `cmd=${cmd ?? ''}`));
}

function logIn(
  ctx: SandboxContext,
  form: URLSearchParams,
  res: ServerResponse,
  checkout: Checkout,
) {
  const email = (form.get('email') ?? '').trim();
  const buyer = ctx.buyers.find(
    (b) => b.email.toLowerCase() === email.toLowerCase() && b.password === form.get('password'),
  );
  if (buyer === undefined) {
    showCheckout(res, checkout, {
      commit: form.get('useraction') === 'commit',
      email,
      loginError:
        'メールアドレスまたはパスワードが正しくありません / The email address or password is incorrect',
    });

    return;
  }

  redirect(res, approveCheckout(checkout, payerFromBuyer(buyer)));
}

function payByCard(
  ctx: SandboxContext,
  form: URLSearchParams,
  res: ServerResponse,
  checkout: Checkout,
) {
  const payer = checkout.guestCheckout
    ? guestPayerFromCard(Object.fromEntries(form), ctx.now())
    : 'このショップではカード払いを利用できません / Card payment is not offered by this shop';
  if (typeof payer === 'string') {
    showCheckout(res, checkout, { commit: form.get('useraction') === 'commit', cardError: payer });

    return;
  }

  redirect(res, approveCheckout(checkout, payer));
}

/** `POST /cgi-bin/webscr`: the buyer's forms, and the IPN `_notify-validate` postback. */
export async function handleWebscrPost(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  const form = new URLSearchParams(body);
  const cmd = form.get('cmd');
  if (cmd === '_notify-validate') {
    sendText(res, 200, ctx.ipn.verify(body));

    return;
  }

  const checkout = openCheckout(ctx, form.get('token') ?? '', res);
  if (checkout === undefined) return;

  if (cmd === '_express-checkout-login') logIn(ctx, form, res, checkout);
  else if (cmd === '_express-checkout-card') payByCard(ctx, form, res, checkout);
  else sendHtml(res, 400, errorPage('不正なリクエスト / Bad request', `cmd=${cmd ?? ''}`));
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { payerFromBuyer } from './buyer-routes.ts';
import { approveCheckout, cancelUrlFor, checkoutProblem } from './checkouts.ts';
import type { SandboxContext } from './context.ts';
import { readBody, sendJson } from './http.ts';
import { NVP_METHODS } from './nvp-endpoint.ts';
import { refundedAmount, type Transaction } from './state.ts';

type Input = Record<string, unknown>;

class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readInput(req: IncomingMessage): Promise<Input> {
  const body = await readBody(req);
  if (body.trim() === '') return {};
  if (!(req.headers['content-type'] ?? '').includes('json')) {
    return Object.fromEntries(new URLSearchParams(body));
  }

  try {
    const value: unknown = JSON.parse(body);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Input;
  } catch {
    // Reported below.
  }

  throw new SimError(400, 'Body must be a JSON object');
}

function text(input: Input, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') throw new SimError(400, `${key} is required`);

  return value;
}

const PROBLEM_STATUS = { unknown: 404, expired: 410, completed: 409 } as const;

function openToken(ctx: SandboxContext, input: Input) {
  const token = text(input, 'token');
  const problem = checkoutProblem(ctx, token);
  if (problem !== undefined) throw new SimError(PROBLEM_STATUS[problem], `Token is ${problem}`);

  const checkout = ctx.state.checkouts.get(token);
  if (checkout === undefined) throw new SimError(404, 'Token is unknown');

  return checkout;
}

function approve(ctx: SandboxContext, input: Input) {
  const checkout = openToken(ctx, input);
  const email = typeof input.email === 'string' ? input.email.toLowerCase() : undefined;
  const buyer =
    email === undefined ? ctx.buyers[0] : ctx.buyers.find((b) => b.email.toLowerCase() === email);
  if (buyer === undefined) throw new SimError(400, 'No such sandbox buyer');

  const returnUrl = approveCheckout(checkout, payerFromBuyer(buyer));

  return { returnUrl, payerId: buyer.payerId };
}

function cancel(ctx: SandboxContext, input: Input) {
  const token = text(input, 'token');
  const checkout = ctx.state.checkouts.get(token);
  if (checkout === undefined) throw new SimError(404, 'Token is unknown');

  return { cancelUrl: cancelUrlFor(checkout) };
}

function failNext(ctx: SandboxContext, input: Input) {
  const method = NVP_METHODS[text(input, 'method').toLowerCase()];
  if (method === undefined) throw new SimError(400, 'Unknown NVP method');

  const code = String(input.code ?? '');
  if (!/^\d{4,6}$/.test(code)) throw new SimError(400, 'code must be a PayPal error code');

  ctx.state.failNext.set(method.name.toLowerCase(), code);

  return { method: method.name, code };
}

function nvpMethodKey(input: Input): string {
  const method = NVP_METHODS[text(input, 'method').toLowerCase()];
  if (method === undefined) throw new SimError(400, 'Unknown NVP method');

  return method.name;
}

const MAX_DELAY_MS = 10 * 60 * 1000;

function delayNext(ctx: SandboxContext, input: Input) {
  const method = nvpMethodKey(input);
  const ms = Number(input.ms);
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_DELAY_MS) {
    throw new SimError(400, `ms must be a whole number of milliseconds up to ${MAX_DELAY_MS}`);
  }
  const when = input.when ?? 'before';
  if (when !== 'before' && when !== 'after')
    throw new SimError(400, 'when must be before or after');

  ctx.state.delayNext.set(method.toLowerCase(), { ms, when });

  return { method, ms, when };
}

function httpErrorNext(ctx: SandboxContext, input: Input) {
  const method = nvpMethodKey(input);
  const status = Number(input.status ?? 500);
  if (!Number.isInteger(status) || status < 500 || status > 599) {
    throw new SimError(400, 'status must be an HTTP status from 500 to 599');
  }

  ctx.state.httpErrorNext.set(method.toLowerCase(), status);

  return { method, status };
}

const PENDING_REASONS = new Set(['paymentreview', 'echeck', 'multicurrency', 'verify', 'other']);

function pendingNext(ctx: SandboxContext, input: Input) {
  const reason = text(input, 'reason').toLowerCase();
  if (!PENDING_REASONS.has(reason)) throw new SimError(400, 'Unknown pending reason');

  ctx.state.pendingNext = reason;

  return { reason };
}

export function transactionView(txn: Transaction) {
  return {
    id: txn.id,
    token: txn.token,
    invoiceId: txn.invoiceId ?? null,
    action: txn.action,
    amount: txn.amount,
    fee: txn.fee,
    currency: txn.currency,
    status: txn.status,
    payerId: txn.payer.payerId,
    payerEmail: txn.payer.email ?? null,
    refundedAmount: refundedAmount(txn),
    refunds: txn.refunds.map((r) => ({
      id: r.id,
      amount: r.amount,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    createdAt: new Date(txn.createdAt).toISOString(),
  };
}

function advanceClock(ctx: SandboxContext, input: Input) {
  const seconds = Number(input.advanceSeconds);
  if (!Number.isFinite(seconds)) throw new SimError(400, 'advanceSeconds must be a number');

  ctx.state.clockOffsetMs += seconds * 1000;

  return { now: new Date(ctx.now()).toISOString() };
}

function route(ctx: SandboxContext, method: string, path: string, input: () => Promise<Input>) {
  const post = async (run: (input: Input) => unknown) => {
    if (method !== 'POST') throw new SimError(405, 'Use POST');

    return run(await input());
  };

  switch (path) {
    case '/sim/approve':
      return post((i) => approve(ctx, i));
    case '/sim/cancel':
      return post((i) => cancel(ctx, i));
    case '/sim/fail-next':
      return post((i) => failNext(ctx, i));
    case '/sim/delay-next':
      return post((i) => delayNext(ctx, i));
    case '/sim/http-error-next':
      return post((i) => httpErrorNext(ctx, i));
    case '/sim/pending-next':
      return post((i) => pendingNext(ctx, i));
    case '/sim/clock':
      return post((i) => advanceClock(ctx, i));
    case '/sim/reset':
      return post(() => {
        ctx.state.reset();
        ctx.ipn.clear();

        return { reset: true };
      });
    case '/sim/transactions':
      return { transactions: [...ctx.state.transactions.values()].map(transactionView) };
    case '/sim/ipn':
      return { deliveries: ctx.state.ipnDeliveries };
    default:
      throw new SimError(404, 'Not found');
  }
}

/** The JSON control API for tests and demos. */
export async function handleSim(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  try {
    const value = await route(ctx, req.method ?? 'GET', path, () => readInput(req));
    sendJson(res, 200, value);
  } catch (error) {
    if (!(error instanceof SimError)) throw error;

    sendJson(res, error.status, { error: error.message });
  }
}

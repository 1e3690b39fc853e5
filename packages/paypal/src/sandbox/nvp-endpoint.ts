import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_NVP_VERSION } from '../nvp/client.ts';
import type { NvpCredentials } from '../nvp/types.ts';
import type { NvpAnswer, NvpRequest } from './answer.ts';
import type { SandboxContext } from './context.ts';
import { fault, PayPalFault } from './fault.ts';
import { readBody, sendText } from './http.ts';
import { newCorrelationId, nvpTimestamp } from './ids.ts';
import { getBalance } from './nvp-balance.ts';
import { doCapture } from './nvp-capture.ts';
import { doExpressCheckoutPayment, recordFailedAttempt } from './nvp-do-payment.ts';
import { getExpressCheckoutDetails, setExpressCheckout } from './nvp-express-checkout.ts';
import { doVoid, getTransactionDetails, refundTransaction } from './nvp-transactions.ts';
import { hold, httpErrorBody, takeTransportFaults } from './nvp-transport-faults.ts';
import { decodeRequestFields, encodePayPalResponse } from './wire.ts';

type Method = (ctx: SandboxContext, request: NvpRequest) => NvpAnswer;

/** Keyed by lower-cased METHOD, since PayPal does not care about its case either. */
export const NVP_METHODS: Record<string, { name: string; run: Method }> = {
  setexpresscheckout: { name: 'SetExpressCheckout', run: setExpressCheckout },
  getexpresscheckoutdetails: { name: 'GetExpressCheckoutDetails', run: getExpressCheckoutDetails },
  doexpresscheckoutpayment: { name: 'DoExpressCheckoutPayment', run: doExpressCheckoutPayment },
  gettransactiondetails: { name: 'GetTransactionDetails', run: getTransactionDetails },
  refundtransaction: { name: 'RefundTransaction', run: refundTransaction },
  docapture: { name: 'DoCapture', run: doCapture },
  dovoid: { name: 'DoVoid', run: doVoid },
  getbalance: { name: 'GetBalance', run: getBalance },
};

const BUILD = '58807128';

function authenticate(ctx: SandboxContext, fields: Record<string, string>): NvpCredentials {
  const match = ctx.credentials.find(
    (c) =>
      c.username === fields.USER && c.password === fields.PWD && c.signature === fields.SIGNATURE,
  );
  if (match === undefined) throw fault('10002');

  return match;
}

function injectedFailure(ctx: SandboxContext, method: string, fields: Record<string, string>) {
  const key = method.toLowerCase();
  const code = ctx.state.failNext.get(key);
  if (code === undefined) return;

  ctx.state.failNext.delete(key);
  if (key === 'doexpresscheckoutpayment') recordFailedAttempt(ctx, fields.TOKEN);

  throw fault(code);
}

export function answerNvp(ctx: SandboxContext, fields: Record<string, string>): NvpAnswer {
  try {
    const credentials = authenticate(ctx, fields);
    const method = NVP_METHODS[(fields.METHOD ?? '').toLowerCase()];
    if (method === undefined) throw fault('81002');

    injectedFailure(ctx, method.name, fields);

    return method.run(ctx, { fields, merchant: credentials.username });
  } catch (error) {
    if (!(error instanceof PayPalFault)) throw error;

    return { ack: 'Failure', errors: [error] };
  }
}

export function encodeAnswer(ctx: SandboxContext, answer: NvpAnswer, version: string): string {
  const errors: Record<string, string> = {};
  (answer.errors ?? []).forEach((error, n) => {
    errors[`L_ERRORCODE${n}`] = error.code;
    errors[`L_SHORTMESSAGE${n}`] = error.shortMessage;
    errors[`L_LONGMESSAGE${n}`] = error.longMessage;
    errors[`L_SEVERITYCODE${n}`] = answer.ack === 'Failure' ? 'Error' : 'Warning';
  });

  return encodePayPalResponse({
    ...answer.lead,
    TIMESTAMP: nvpTimestamp(ctx.now()),
    CORRELATIONID: newCorrelationId(),
    ACK: answer.ack,
    VERSION: version,
    BUILD,
    ...errors,
    ...answer.fields,
  });
}

/** `POST /nvp`: one NVP call in, one PayPal-encoded answer out. */
export async function handleNvp(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    sendText(res, 405, 'Method Not Allowed');

    return;
  }

  const fields = decodeRequestFields(await readBody(req));
  const faults = takeTransportFaults(ctx.state, fields);
  await hold(faults.delay, 'before');
  if (faults.httpStatus !== undefined) {
    sendText(res, faults.httpStatus, httpErrorBody(faults.httpStatus));

    return;
  }

  // Applied even when the caller gave up waiting: PayPal, too, acts on what it received.
  const answer = answerNvp(ctx, fields);
  await hold(faults.delay, 'after');
  sendText(res, 200, encodeAnswer(ctx, answer, fields.VERSION || DEFAULT_NVP_VERSION));
}

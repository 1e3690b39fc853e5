import { createHash } from 'node:crypto';
import type { PrismaClient } from '@wholesale/db/client';
import type { IpnMessage } from '@wholesale/db/prisma';
import { verifyIpn } from '@wholesale/paypal/ipn';
import type { Context } from '../context.ts';
import { retryDelayMs } from '../email/outbox.ts';
import { applyIpn } from './ipn-apply.ts';

/**
 * Keeps an IPN message as posted, before anything else, and answers whether it was new. The
 * endpoint answers PayPal 200 once it is stored; verifying and applying happen afterwards, so a
 * slow postback or a crash loses nothing.
 *
 * Only the exact same body counts as a repeat. Anyone can post here, so a forgery naming a
 * payment's txn_id and status must not take the place of the message PayPal sends about it.
 */
export async function receiveIpn(db: Pick<PrismaClient, 'ipnMessage'>, body: string) {
  const fields = new URLSearchParams(body);
  const txnId = fields.get('txn_id');
  const paymentStatus = fields.get('payment_status');
  const digest = createHash('sha256').update(body).digest('base64url');
  const created = await db.ipnMessage.createMany({
    data: [
      {
        body,
        txnId,
        paymentStatus,
        dedupeKey: txnId ? `${txnId}:${paymentStatus ?? ''}:${digest}` : null,
      },
    ],
    skipDuplicates: true,
  });

  return created.count === 1;
}

const leaseMs = 5 * 60 * 1000;

/**
 * Verifies and applies the stored IPN messages that are due: each is leased under SKIP LOCKED
 * (so several API instances share the work), posted back to PayPal, and applied only when
 * PayPal says VERIFIED. When PayPal cannot be asked, the message waits and is tried again.
 */
export async function processIpnMessages(context: Context): Promise<number> {
  const now = context.services.now();
  const due = await context.db.$queryRaw<IpnMessage[]>`
    UPDATE "IpnMessage" SET "nextAttemptAt" = ${new Date(now.getTime() + leaseMs)}
    WHERE id IN (
      SELECT id FROM "IpnMessage"
      WHERE status = 'RECEIVED' AND "nextAttemptAt" <= ${now}
      ORDER BY "receivedAt" LIMIT 20
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;

  for (const message of due) {
    await processOne(context, message, now);
  }

  return due.length;
}

async function processOne(context: Context, message: IpnMessage, now: Date) {
  const attempts = message.attempts + 1;
  let verdict: 'VERIFIED' | 'INVALID';
  try {
    const paypal = await context.services.paypal(context.db);
    verdict = await verifyIpn(paypal.ipnVerifyUrl, message.body);
  } catch (error) {
    context.log.warn({ ipnId: message.id, attempts, err: error }, 'IPN not verified yet');
    await context.db.ipnMessage.update({
      where: { id: message.id },
      data: { attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
    });
    return;
  }

  if (verdict === 'INVALID') {
    context.log.warn({ ipnId: message.id, txnId: message.txnId }, 'IPN not sent by PayPal');
    await finish(context, message, 'INVALID', 'PayPal did not recognise the message', null);
    return;
  }

  const fields = Object.fromEntries(new URLSearchParams(message.body));
  const account = await context.db.payPalAccount.findUnique({ where: { id: 1 } });
  if (!receiverIsThisShop(account?.apiUsername ?? '', fields.receiver_email)) {
    await finish(
      context,
      message,
      'IGNORED',
      `receiver ${fields.receiver_email ?? '(none)'} is not this shop`,
      null,
    );
    return;
  }
  const result = await applyIpn(context, fields);
  if (result.retryLater) {
    context.log.info({ ipnId: message.id, outcome: result.outcome }, 'IPN to be applied later');
    await context.db.ipnMessage.update({
      where: { id: message.id },
      data: {
        attempts,
        outcome: result.outcome,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      },
    });
    return;
  }
  await finish(
    context,
    message,
    result.applied ? 'APPLIED' : 'IGNORED',
    result.outcome,
    result.orderId,
  );
}

async function finish(
  context: Context,
  message: IpnMessage,
  status: 'APPLIED' | 'IGNORED' | 'INVALID',
  outcome: string,
  orderId: string | null,
) {
  await context.db.ipnMessage.update({
    where: { id: message.id },
    data: { status, outcome, orderId, attempts: message.attempts + 1, processedAt: new Date() },
  });
  context.log.info({ ipnId: message.id, txnId: message.txnId, status, outcome }, 'IPN processed');
}

/**
 * PayPal derives an API username from the account's email: merchant@example.com signs as
 * merchant_api1.example.com. A message paid to another account is not about this shop.
 */
export function receiverIsThisShop(apiUsername: string, receiverEmail: string | undefined) {
  if (!apiUsername.includes('_api1.')) return true;

  return receiverEmail?.toLowerCase() === apiUsername.replace('_api1.', '@').toLowerCase();
}

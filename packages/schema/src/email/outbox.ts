import type { PrismaClient } from '@wholesale/db/client';
import type { EmailMessage } from '@wholesale/db/prisma';
import type { Logger } from 'pino';

/** A Prisma client or the client of an open transaction. */
type Db = Pick<PrismaClient, 'emailMessage'>;

export interface OutgoingEmail {
  /** Emails that must go out once carry a key; a second enqueue with it is a no-op. */
  dedupeKey?: string;
  orderId?: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Describes where mail goes, for the logs and the admin. */
  readonly description: string;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export const maxAttempts = 8;

/**
 * Writes an email to the outbox. Call it inside the transaction that makes the email true
 * (an order paid, say), so the email exists exactly when the change does.
 */
/** Writes an email to the outbox; false when its dedupe key was there already. */
export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<boolean> {
  const { count } = await db.emailMessage.createMany({ data: [email], skipDuplicates: true });

  return count === 1;
}

/** Retry after 30 s, 1 min, 2 min … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 60 * 60 * 1000);
}

const leaseMs = 5 * 60 * 1000;

/**
 * Takes due messages off the outbox and sends them. Each message is leased first (its next
 * attempt pushed past the lease) under SKIP LOCKED, so several API instances never send the
 * same message twice; a crash mid-send leaves it to be retried when the lease runs out.
 */
export async function dispatchDueEmails(
  db: PrismaClient,
  transport: MailTransport,
  log: Logger,
  now = new Date(),
): Promise<number> {
  const due = await db.$queryRaw<EmailMessage[]>`
    UPDATE "EmailMessage" SET "nextAttemptAt" = ${new Date(now.getTime() + leaseMs)}
    WHERE id IN (
      SELECT id FROM "EmailMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "createdAt" LIMIT 20
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;

  for (const message of due) {
    await sendOne(db, transport, log, message);
  }

  return due.length;
}

async function sendOne(
  db: PrismaClient,
  transport: MailTransport,
  log: Logger,
  message: EmailMessage,
) {
  const attempts = message.attempts + 1;
  try {
    await transport.send({ to: message.to, subject: message.subject, text: message.text });
    await db.emailMessage.update({
      where: { id: message.id },
      data: { status: 'SENT', attempts, sentAt: new Date(), lastError: null },
    });
    log.info({ emailId: message.id, attempts }, 'email sent');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failed = attempts >= maxAttempts;
    await db.emailMessage.update({
      where: { id: message.id },
      data: {
        status: failed ? 'FAILED' : 'PENDING',
        attempts,
        lastError: reason.slice(0, 500),
        nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
      },
    });
    log.warn({ emailId: message.id, attempts, failed, reason }, 'email not sent');
  }
}

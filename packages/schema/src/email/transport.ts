import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox.ts';

/**
 * SMTP when SMTP_URL is set. Without it (the embedded default) messages are rendered by
 * nodemailer but not delivered: they stay in the outbox, where the merchant reads them in the
 * admin and tests read them through the API.
 */
export function createMailTransport(env = process.env): MailTransport {
  const from = env.MAIL_FROM ?? 'Wholesale Shop <shop@localhost>';

  if (env.SMTP_URL) {
    const smtp = nodemailer.createTransport(env.SMTP_URL);

    return {
      description: `SMTP ${new URL(env.SMTP_URL).host}`,
      async send(message) {
        await smtp.sendMail({ from, ...message });
      },
    };
  }

  const local = nodemailer.createTransport({ jsonTransport: true });

  return {
    description: 'kept in the outbox (no SMTP_URL)',
    async send(message) {
      await local.sendMail({ from, ...message });
    },
  };
}

import { requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { EmailStatusEnum } from '../common-schema.ts';

builder.prismaNode('EmailMessage', {
  id: { field: 'id' },
  authScopes: { staff: true },
  description: 'An email in the outbox, sent or waiting to be.',
  fields: (t) => ({
    to: t.exposeString('to', { description: 'The recipient’s email address.' }),
    subject: t.exposeString('subject', { description: 'The subject line.' }),
    text: t.exposeString('text', { description: 'The plain-text body.' }),
    status: t.expose('status', {
      type: EmailStatusEnum,
      description: 'Whether it was sent, is waiting, or was given up.',
    }),
    attempts: t.exposeInt('attempts', { description: 'How many times sending was tried.' }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: 'Why the last attempt failed; null once sent or before the first attempt.',
    }),
    sentAt: t.expose('sentAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was sent; null until then.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When it was written to the outbox, with the change that caused it.',
    }),
    order: t.relation('order', {
      nullable: true,
      description: 'The order the email is about; null when it is about none.',
    }),
  }),
});

builder.queryField('emailMessages', (t) =>
  t.prismaConnection(
    {
      type: 'EmailMessage',
      cursor: 'id',
      description: 'The outbox, newest first (staff).',
      resolve: (query, _root, _args, context) => {
        requireStaff(context);

        return context.db.emailMessage.findMany({ ...query, orderBy: { id: 'desc' } });
      },
    },
    { name: 'EmailMessageConnection', description: 'A page of the outbox.' },
    { name: 'EmailMessageEdge', description: 'An email on a page of the outbox.' },
  ),
);

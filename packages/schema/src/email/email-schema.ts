import { requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { EmailStatusEnum } from '../common-schema.ts';

builder.prismaNode('EmailMessage', {
  id: { field: 'id' },
  authScopes: { staff: true },
  description: 'An email in the outbox, sent or waiting to be.',
  fields: (t) => ({
    to: t.exposeString('to'),
    subject: t.exposeString('subject'),
    text: t.exposeString('text'),
    status: t.expose('status', { type: EmailStatusEnum }),
    attempts: t.exposeInt('attempts'),
    lastError: t.exposeString('lastError', { nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    order: t.relation('order', { nullable: true }),
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
    { name: 'EmailMessageConnection' },
    { name: 'EmailMessageEdge' },
  ),
);

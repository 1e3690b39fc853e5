import { requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  authScopes: { staff: true },
  description: 'One change in the audit trail: who, when, what, and the values before and after.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the change was made.' }),
    actorType: t.exposeString('actorType', {
      description: 'STAFF, BUYER, PAYPAL, SYSTEM or API_TOKEN.',
    }),
    actorId: t.exposeString('actorId', {
      nullable: true,
      description:
        'The database id of the user or API token that made the change; null for PayPal and the system.',
    }),
    action: t.exposeString('action', {
      description:
        'What was done, e.g. ORDER_STATUS_CHANGED, MEMBER_UPDATED, REFUND_RECORDED or API_TOKEN_CREATED.',
    }),
    subjectType: t.exposeString('subjectType', {
      description: 'The kind of thing changed, e.g. Order, Member, Product or ApiToken.',
    }),
    subjectId: t.exposeString('subjectId', {
      description: 'The database id of the thing changed (not a global id).',
    }),
    changes: t.string({
      description: 'JSON: { field: { from, to } }; secrets appear as { changed: true } only.',
      resolve: (entry) => JSON.stringify(entry.changes),
    }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  description: 'Which audit entries to list; an entry must meet every condition given.',
  fields: (t) => ({
    action: t.stringList({
      required: false,
      description: 'Only entries with one of these actions.',
    }),
    subjectType: t.string({ required: false, description: 'Only changes of this kind of thing.' }),
    subjectId: t.string({
      required: false,
      description: 'Only changes of the thing with this database id.',
    }),
    since: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only changes made at or after this time.',
    }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection(
    {
      type: 'AuditEntry',
      cursor: 'id',
      description: 'The audit trail, newest first (staff).',
      args: {
        filter: t.arg({
          type: AuditFilter,
          required: false,
          description: 'Which entries to list; every entry when absent.',
        }),
      },
      resolve: (query, _root, { filter }, context) => {
        requireStaff(context);

        return context.db.auditEntry.findMany({
          ...query,
          where: {
            ...(filter?.action?.length ? { action: { in: filter.action } } : {}),
            ...(filter?.subjectType ? { subjectType: filter.subjectType } : {}),
            ...(filter?.subjectId ? { subjectId: filter.subjectId } : {}),
            ...(filter?.since ? { at: { gte: filter.since } } : {}),
          },
          orderBy: { id: 'desc' },
        });
      },
    },
    { name: 'AuditEntryConnection', description: 'A page of the audit trail.' },
    { name: 'AuditEntryEdge', description: 'An entry on a page of the audit trail.' },
  ),
);

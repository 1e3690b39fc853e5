import { requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  authScopes: { staff: true },
  description: 'One change in the audit trail: who, when, what, and the values before and after.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actorType: t.exposeString('actorType', {
      description: 'STAFF, BUYER, PAYPAL, SYSTEM or API_TOKEN.',
    }),
    actorId: t.exposeString('actorId', { nullable: true }),
    action: t.exposeString('action'),
    subjectType: t.exposeString('subjectType'),
    subjectId: t.exposeString('subjectId'),
    changes: t.string({
      description: 'JSON: { field: { from, to } }; secrets appear as { changed: true } only.',
      resolve: (entry) => JSON.stringify(entry.changes),
    }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  fields: (t) => ({
    action: t.stringList({ required: false }),
    subjectType: t.string({ required: false }),
    subjectId: t.string({ required: false }),
    since: t.field({ type: 'DateTime', required: false }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection(
    {
      type: 'AuditEntry',
      cursor: 'id',
      description: 'The audit trail, newest first (staff).',
      args: { filter: t.arg({ type: AuditFilter, required: false }) },
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
    { name: 'AuditEntryConnection' },
    { name: 'AuditEntryEdge' },
  ),
);

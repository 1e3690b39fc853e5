import type { Prisma } from '@wholesale/db/prisma';
import type { Context } from '../context.ts';
import type { Actor } from '../orders/lifecycle.ts';

export type AuditChanges = Record<string, { from?: unknown; to?: unknown; changed?: true }>;

/** The fields whose value differs between two records, as { field: { from, to } }. */
export function diffFields<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    // A field the change does not name is left as it was: not a change to nothing.
    if (after[field] === undefined) continue;
    const from = before?.[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }

  return changes;
}

/** Writes one entry of the audit trail, in the caller's transaction when there is one. */
export async function audit(
  db: Pick<Prisma.TransactionClient, 'auditEntry'>,
  entry: {
    actor: Actor;
    action: string;
    subjectType: string;
    subjectId: string;
    changes: AuditChanges;
  },
): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      changes: entry.changes as Prisma.InputJsonValue,
    },
  });
}

/** Who is acting in this request. */
export function actorOf(context: Context): Actor {
  if (context.viewer) {
    return { type: context.viewer.role === 'STAFF' ? 'STAFF' : 'BUYER', id: context.viewer.userId };
  }
  if (context.apiToken) return { type: 'API_TOKEN', id: context.apiToken.id };

  return { type: 'SYSTEM' };
}

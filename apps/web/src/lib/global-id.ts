/**
 * The audit trail names its subjects by database id, while the API's queries and the admin's
 * addresses take global ids: Relay's convention, base64 of `Type:id`.
 */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
}

/** The database id inside a global id of `type`, or null when it is not one. */
export function localId(type: string, global: string): string | null {
  const decoded = Buffer.from(global, 'base64').toString('utf8');

  return decoded.startsWith(`${type}:`) ? decoded.slice(type.length + 1) : null;
}

/** The audit log of one order or member, by its global id. */
export function auditPath(type: string, global: string): string | null {
  const id = localId(type, global);
  if (id === null) return null;

  return `/admin/audit?${new URLSearchParams({ subjectType: type, subjectId: id })}`;
}

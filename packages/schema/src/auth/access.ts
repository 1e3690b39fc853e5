import type { ApiScope } from '@wholesale/db/enums';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Log in or send an API token to do this.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

export function forbidden(): GraphQLError {
  return new GraphQLError('You are not allowed to do this.', {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

export function denied(context: Context): GraphQLError {
  return context.viewer || context.apiToken ? forbidden() : unauthenticated();
}

export function isStaff(context: Context): boolean {
  return context.viewer?.role === 'STAFF';
}

export function hasScope(context: Context, scope: ApiScope): boolean {
  return context.apiToken?.scopes.includes(scope) ?? false;
}

/**
 * Staff, and tokens that read or change orders: a token allowed to change an order's status
 * reads the orders it changes (and the answer to its change).
 */
function readsAllOrders(context: Context): boolean {
  return isStaff(context) || hasScope(context, 'ORDERS_READ') || hasScope(context, 'ORDERS_WRITE');
}

/** The orders this caller may read, as a Prisma filter: a member's own, or all of them. */
export function orderScope(context: Context): { memberId?: string } {
  if (readsAllOrders(context)) return {};
  if (context.viewer?.memberId) return { memberId: context.viewer.memberId };

  throw denied(context);
}

/** The members this caller may read: all for staff and MEMBERS_READ, else only oneself. */
export function memberScope(context: Context): { id?: string } {
  if (isStaff(context) || hasScope(context, 'MEMBERS_READ')) return {};
  if (context.viewer?.memberId) return { id: context.viewer.memberId };

  throw denied(context);
}

export function requireMember(context: Context): string {
  const memberId = context.viewer?.memberId;
  if (!memberId) throw denied(context);

  return memberId;
}

export function requireStaff(context: Context): string {
  if (!isStaff(context) || !context.viewer) throw denied(context);

  return context.viewer.userId;
}

/** Type-level rule for an order, wherever it is reached from (node, member.orders, …). */
export function canReadOrder(context: Context, order: { memberId: string }): boolean {
  if (readsAllOrders(context)) return true;

  return context.viewer?.memberId === order.memberId;
}

/** Type-level rule for a member: staff, MEMBERS_READ tokens, or the member itself. */
export function canReadMember(context: Context, member: { id: string }): boolean {
  if (isStaff(context) || hasScope(context, 'MEMBERS_READ')) return true;

  return context.viewer?.memberId === member.id;
}

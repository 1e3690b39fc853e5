import { formatPrismaCursor, parsePrismaCursor, queryFromInfo } from '@pothos/plugin-prisma';
import type { Order } from '@wholesale/db/prisma';
import { Prisma } from '@wholesale/db/prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { orderScope } from '../auth/access.ts';
import type { Context } from '../context.ts';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

interface Page {
  memberIds: string[];
  result?: Promise<Map<string, Order[]>>;
}

const defaultSize = 20;
const maxSize = 100;

/** Requests waiting to be loaded together, by request and by field of the document. */
const pending = new WeakMap<Context, Map<string, Page>>();

function pageSize(args: ConnectionArgs): number {
  return Math.max(0, Math.min(args.first ?? args.last ?? defaultSize, maxSize));
}

/**
 * Each member's next `size + 1` order ids: a LATERAL … LIMIT per member, so the database keeps
 * only those rows, however many orders a member has.
 */
async function orderIds(context: Context, memberIds: string[], args: ConnectionArgs) {
  const backward = args.before != null || args.last != null;
  const cursor = args.after ?? args.before;
  const cursorId = cursor == null ? null : String(parsePrismaCursor(cursor));
  const scope = orderScope(context);
  const conditions = [
    Prisma.sql`o."memberId" = m.id`,
    ...(scope.memberId ? [Prisma.sql`o."memberId" = ${scope.memberId}`] : []),
    ...(cursorId === null
      ? []
      : [backward ? Prisma.sql`o.id > ${cursorId}` : Prisma.sql`o.id < ${cursorId}`]),
  ];
  const rows = await context.db.$queryRaw<{ id: string }[]>`
    SELECT page.id FROM unnest(ARRAY[${Prisma.join(memberIds)}]::text[]) AS m(id)
    CROSS JOIN LATERAL (
      SELECT o.id FROM "Order" o WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY o.id ${backward ? Prisma.sql`ASC` : Prisma.sql`DESC`}
      LIMIT ${pageSize(args) + 1}
    ) AS page`;

  return rows.map((row) => row.id);
}

async function load(
  context: Context,
  query: object,
  args: ConnectionArgs,
  page: Page,
): Promise<Map<string, Order[]>> {
  const ids = page.memberIds.length > 0 ? await orderIds(context, page.memberIds, args) : [];
  const orders = (await context.db.order.findMany({
    ...query,
    where: { id: { in: ids } },
    orderBy: { id: 'desc' },
  })) as Order[];

  const byMember = new Map<string, Order[]>();
  for (const order of orders) {
    byMember.set(order.memberId, [...(byMember.get(order.memberId) ?? []), order]);
  }

  return byMember;
}

/**
 * A page of one member's orders, newest first, loaded together with the same page of every
 * other member the document lists. Prisma would load a relation for all of them in one query
 * but cut each member's share in memory, reading every order of every member on the page.
 */
export async function memberOrders(
  context: Context,
  info: GraphQLResolveInfo,
  memberId: string,
  args: ConnectionArgs,
) {
  const key = `${info.path.key}:${info.fieldNodes[0]?.loc?.start}:${JSON.stringify(args)}`;
  const pages = pending.get(context) ?? new Map<string, Page>();
  pending.set(context, pages);
  // Asked in every call: it also tells the Order fields below that their relations are loaded.
  const query = queryFromInfo({ context, info, typeName: 'Order', path: ['edges', 'node'] });
  let page = pages.get(key);
  if (!page) {
    const created: Page = { memberIds: [] };
    // Waits until every member of the list has asked, then loads them all at once.
    created.result = new Promise((resolve) => setImmediate(resolve)).then(() => {
      pages.delete(key);
      return load(context, query, args, created);
    });
    pages.set(key, created);
    page = created;
  }
  page.memberIds.push(memberId);

  const rows = (await page.result)?.get(memberId) ?? [];
  const size = pageSize(args);
  const backward = args.before != null || args.last != null;
  const more = rows.length > size;
  // The row beyond the page is the one farthest from the cursor: the oldest going forward.
  const nodes = backward ? rows.slice(more ? 1 : 0) : rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: formatPrismaCursor(node, 'id'), node }));

  return {
    edges,
    pageInfo: {
      hasNextPage: args.before != null ? true : backward ? false : more,
      hasPreviousPage: args.after != null ? true : backward ? more : false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

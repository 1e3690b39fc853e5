import type { Prisma } from '@wholesale/db/prisma';

/** What checkout reads of an order: its lines in order, and the member with the login. */
export const orderInclude = {
  lines: { orderBy: { position: 'asc' } },
  member: { include: { user: true } },
} as const satisfies Prisma.OrderInclude;

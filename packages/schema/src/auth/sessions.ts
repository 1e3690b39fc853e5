import type { PrismaClient } from '@wholesale/db/client';
import type { Role } from '@wholesale/db/enums';
import type { ViewerIdentity } from '../context.ts';
import { generateSecret, hashSecret } from './tokens.ts';

const day = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 30 * day;
/** A session used in its last 15 days is extended to a full lifetime again. */
const renewWithinMs = 15 * day;

export const sessionCookieName = 'session';

export async function createSession(db: PrismaClient, userId: string, now = new Date()) {
  const token = generateSecret();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  const id = hashSecret(token);
  await db.session.create({ data: { id, userId, expiresAt } });

  return { id, token, expiresAt };
}

export interface ValidatedSession {
  identity: ViewerIdentity;
  expiresAt: Date;
  renewed: boolean;
}

interface SessionRow {
  expiresAt: Date;
  userId: string;
  role: Role;
  email: string;
  name: string;
  memberId: string | null;
}

export async function validateSessionToken(
  db: PrismaClient,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  const id = hashSecret(token);
  // Every signed-in request starts here: one statement, where a nested include costs three.
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", u.id AS "userId", u.role::text AS role, u.email, u.name,
           m.id AS "memberId"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Member" m ON m."userId" = u.id
    WHERE s.id = ${id}`;
  if (!session) return null;

  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }

  let expiresAt = session.expiresAt;
  const renewed = expiresAt.getTime() - now.getTime() < renewWithinMs;
  if (renewed) {
    expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await db.session.update({ where: { id }, data: { expiresAt } });
  }

  const identity: ViewerIdentity = {
    userId: session.userId,
    role: session.role,
    email: session.email,
    name: session.name,
    memberId: session.memberId,
    sessionId: id,
  };

  return { identity, expiresAt, renewed };
}

export async function invalidateSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const parts = [
    `${sessionCookieName}=${token}`,
    'HttpOnly',
    'SameSite=Lax',
    'Path=/',
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (secure) parts.push('Secure');

  return parts.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', new Date(0), secure);
}

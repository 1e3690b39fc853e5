import type { PrismaClient } from '@wholesale/db/client';
import {
  sessionCookie,
  sessionCookieName,
  validateSessionToken,
} from '@wholesale/schema/auth/sessions';
import { hashSecret } from '@wholesale/schema/auth/tokens';
import type { ApiTokenIdentity, Context } from '@wholesale/schema/context';
import type { Services } from '@wholesale/schema/services';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }

  return null;
}

/** Refreshing last-used on every call would write on every read; once a minute is enough. */
const lastUsedResolutionMs = 60_000;

async function authenticateToken(
  db: PrismaClient,
  header: string | null,
  now: Date,
): Promise<ApiTokenIdentity | null | 'invalid'> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) return null;

  const token = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(match[1]) } });
  if (!token || token.revokedAt) return 'invalid';

  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > lastUsedResolutionMs) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }

  return { id: token.id, scopes: token.scopes };
}

const loopback = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;

/**
 * The address failed log-ins are counted against. X-Forwarded-For is believed only from a
 * proxy on this machine (the storefront, or a reverse proxy in front of the API), and only its
 * last entry, the one that proxy added: earlier entries are whatever the caller claimed. Any
 * other caller is its connection's address, so a proxy on another machine counts as one
 * client; the API listens on 127.0.0.1 unless API_HOST says otherwise.
 */
export function clientAddress(forwardedFor: string | null, peerAddress: string | undefined) {
  if (peerAddress && !loopback.test(peerAddress)) return peerAddress;

  return forwardedFor?.split(',').at(-1)?.trim() || peerAddress || null;
}

export async function createRequestContext(
  request: Request,
  base: { db: PrismaClient; log: Logger; services: Services; peerAddress?: string },
): Promise<Context> {
  const { peerAddress, ...shared } = base;
  const now = base.services.now();
  const secure =
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto') === 'https';
  const context: Context = {
    ...shared,
    viewer: null,
    apiToken: null,
    responseCookies: [],
    secure,
    clientAddress: clientAddress(request.headers.get('x-forwarded-for'), peerAddress),
  };

  const token = await authenticateToken(base.db, request.headers.get('authorization'), now);
  if (token === 'invalid') {
    throw new GraphQLError('The API token is invalid or revoked.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  if (token) {
    context.apiToken = token;
    return context;
  }

  const sessionToken = readCookie(request.headers.get('cookie'), sessionCookieName);
  if (sessionToken) {
    const session = await validateSessionToken(base.db, sessionToken, now);
    if (session) {
      context.viewer = session.identity;
      if (session.renewed) {
        context.responseCookies.push(sessionCookie(sessionToken, session.expiresAt, secure));
      }
    }
  }

  return context;
}

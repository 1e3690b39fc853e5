import type { PrismaClient } from '@wholesale/db/client';
import type { ApiScope, Role } from '@wholesale/db/enums';
import type { Logger } from 'pino';
import type { Services } from './services.ts';

export interface ViewerIdentity {
  userId: string;
  role: Role;
  email: string;
  name: string;
  memberId: string | null;
  sessionId: string;
}

export interface ApiTokenIdentity {
  id: string;
  scopes: ApiScope[];
}

/** What every resolver sees: who is asking, and the services that do the work. */
export interface Context {
  db: PrismaClient;
  log: Logger;
  services: Services;
  viewer: ViewerIdentity | null;
  apiToken: ApiTokenIdentity | null;
  /** Set-Cookie values the HTTP layer adds to the response. */
  responseCookies: string[];
  /** Whether the request reached us over HTTPS, for the cookie's Secure flag. */
  secure: boolean;
  /** The client's address as the storefront proxy reports it (X-Forwarded-For), if any. */
  clientAddress?: string | null;
}

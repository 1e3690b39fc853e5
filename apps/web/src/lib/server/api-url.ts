/**
 * Where the storefront reaches the GraphQL API: API_URL, or else the API on this machine at
 * API_PORT, the port `npm start` gives it, so that moving the ports moves this too.
 */
export function apiUrl(env: Record<string, string | undefined>): string {
  return env.API_URL || `http://127.0.0.1:${env.API_PORT || '4000'}/graphql`;
}

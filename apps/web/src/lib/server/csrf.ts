const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const formTypes = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/**
 * SvelteKit's own check compares the Origin header with the server's idea of its origin, which
 * adapter-node guesses as https:// unless ORIGIN is set; plain `node build/index.js` on http
 * would then refuse every form. This check accepts a form posted from the app's own origin or
 * from the host the request was sent to, which a cross-site page cannot forge.
 */
export function isCrossSiteFormPost(request: Request, appOrigin: string): boolean {
  if (!unsafeMethods.has(request.method)) return false;
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!formTypes.has(type)) return false;

  const origin = request.headers.get('origin');
  if (!origin) return true;
  if (origin === appOrigin) return false;

  try {
    return new URL(origin).host !== request.headers.get('host');
  } catch {
    return true;
  }
}

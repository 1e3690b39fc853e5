export type Role = 'STAFF' | 'MEMBER';

const publicPaths = ['/login', '/logout', '/locale'];

function within(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * Where a visitor must go instead of `pathname`, or null when they may stay. `known` is false
 * when the API could not say who is asking (it is down): nobody is sent anywhere then, since a
 * logged-in buyer would otherwise land on the login page.
 */
export function accessRedirect(pathname: string, role: Role | null, known = true): string | null {
  if (!known) return null;
  if (publicPaths.some((path) => within(pathname, path))) return null;
  if (!role) return '/login';
  if (within(pathname, '/admin')) return role === 'STAFF' ? null : '/products';
  if (pathname === '/') return homePath(role);

  return role === 'MEMBER' ? null : '/admin/orders';
}

export function homePath(role: Role): string {
  return role === 'STAFF' ? '/admin/orders' : '/products';
}

/** Only same-site paths are followed after login, so the parameter cannot send anyone away. */
export function safeRedirectPath(value: string | null | undefined): string | null {
  // Browsers drop tabs and newlines from URLs, so "/\t/host" would leave the site: refuse
  // control characters outright, then check that the path stays on this origin.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  if (!value?.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return null;

  const base = 'http://storefront.invalid';
  const resolved = new URL(value, base);
  if (resolved.origin !== base || value.startsWith('//')) return null;

  return resolved.pathname + resolved.search + resolved.hash;
}

export type Role = 'STAFF' | 'MEMBER';

const publicPaths = ['/login', '/logout', '/locale'];

function within(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** Where a visitor must go instead of `pathname`, or null when they may stay. */
export function accessRedirect(pathname: string, role: Role | null): string | null {
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
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return null;
  }

  return value;
}

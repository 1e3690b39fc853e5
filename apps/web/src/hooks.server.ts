import { type Handle, redirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { accessRedirect } from '$lib/access';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { isCrossSiteFormPost } from '$lib/server/csrf';
import { loadViewer } from '$lib/server/viewer';

const csrf: Handle = ({ event, resolve }) => {
  if (isCrossSiteFormPost(event.request, event.url.origin)) {
    return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, {
      status: 403,
    });
  }

  return resolve(event);
};

const locale: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;

    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
    });
  });

// Guarding here rather than in layouts also covers form actions and parallel page loads.
const access: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/graphql') return resolve(event);

  const { viewer, reachable } = await loadViewer(event);
  event.locals.viewer = viewer;
  event.locals.apiReachable = reachable;

  // Who is asking is unknown while the API cannot answer. A logged-in buyer is not sent to the
  // login page for it: the page renders with the layout's notice, its own requests to the API
  // fail into the error page, and the address stays, so reloading later works (a return from
  // PayPal too). The API checks every request's session itself, so nothing is shown that the
  // session may not see.
  const target = accessRedirect(event.url.pathname, viewer?.role ?? null, reachable);
  if (target === '/login') {
    const back = event.url.pathname === '/' ? '' : event.url.pathname + event.url.search;
    redirect(303, back ? `/login?redirectTo=${encodeURIComponent(back)}` : '/login');
  }
  if (target) redirect(303, target);

  return resolve(event);
};

/** Pages may not be framed elsewhere (clickjacking of admin buttons), nor sniffed. */
const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  if (!response.headers.has('content-security-policy')) {
    response.headers.set('content-security-policy', "frame-ancestors 'none'");
  }

  return response;
};

export const handle = sequence(securityHeaders, csrf, locale, access);

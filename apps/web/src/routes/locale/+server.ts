import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/access';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { cookieOptions } from '$lib/server/cookie-options';
import type { RequestHandler } from './$types';

/** The language switch: a plain form post, so it works without JavaScript too. */
export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const locale = form.get('locale');
  if (typeof locale === 'string' && isLocale(locale)) {
    // Readable by the browser: Paraglide's client runtime picks the locale from this cookie.
    event.cookies.set(cookieName, locale, {
      ...cookieOptions(event),
      httpOnly: false,
      maxAge: cookieMaxAge,
    });
  }

  redirect(303, safeRedirectPath(form.get('redirectTo')?.toString()) ?? '/');
};

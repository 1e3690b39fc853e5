import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/access';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** The language switch: a plain form post, so it works without JavaScript too. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
  const form = await request.formData();
  const locale = form.get('locale');
  if (typeof locale === 'string' && isLocale(locale)) {
    // Readable by the browser: Paraglide's client runtime picks the locale from this cookie.
    cookies.set(cookieName, locale, {
      path: '/',
      httpOnly: false,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      maxAge: cookieMaxAge,
    });
  }

  redirect(303, safeRedirectPath(form.get('redirectTo')?.toString()) ?? '/');
};

import { m } from '$lib/paraglide/messages';

/** The document title: the page's own name, then the shop's. */
export function pageTitle(name: string): string {
  return `${name} | ${m.app_title()}`;
}

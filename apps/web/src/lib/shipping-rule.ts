import { formatMoney } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

type Money = { amount: number; currency: string };

export type ShippingRule = { shippingFee: Money; freeShippingFrom: Money | null };

/** The shop's shipping rule in a buyer's words, e.g. 送料 ¥800（税抜 ¥10,000以上のご注文で送料無料）: the threshold is on
 * the tax-exclusive subtotal. */
export function shippingRuleText(rule: ShippingRule, locale?: Locale): string {
  if (rule.shippingFee.amount === 0) return m.shipping_rule_always_free({}, { locale });

  const fee = formatMoney(rule.shippingFee);
  if (!rule.freeShippingFrom) return m.shipping_rule({ fee }, { locale });

  const threshold = formatMoney(rule.freeShippingFrom);

  return m.shipping_rule_free_from({ fee, threshold }, { locale });
}

import type { PaymentMethod } from '$lib/graphql/graphql';
import { paymentMethodLabel, productName } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

type Product = { name: string; nameEn: string };

/** 「…」は銀行振込のみご利用いただけます: a product that allows only some methods. */
export function restrictionText(
  product: Product & { allowedPaymentMethods: PaymentMethod[] },
  locale: Locale,
): string {
  const methods = product.allowedPaymentMethods
    .map((method) => paymentMethodLabel(method, locale))
    .join(m.method_list_separator({}, { locale }));

  return m.payment_restriction({ product: productName(product, locale), methods }, { locale });
}

/** Why the chosen method was refused, naming the products that do not allow it. */
export function restrictedMethodText(
  method: PaymentMethod,
  products: Product[],
  locale: Locale,
): string {
  const names = products
    .map((product) => m.quoted({ text: productName(product, locale) }, { locale }))
    .join(m.product_list_separator({}, { locale }));

  return m.error_method_restricted(
    { method: paymentMethodLabel(method, locale), products: names },
    { locale },
  );
}

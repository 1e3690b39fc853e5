import type { PaymentMethod } from '$lib/graphql/graphql';
import { paymentMethodLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

type RowError = { code: string; value?: string | null; message: string };

const rowTexts: Record<string, (value: string, locale?: Locale) => string> = {
  INVALID_EMAIL: (_value, locale) => m.import_error_INVALID_EMAIL({}, { locale }),
  DUPLICATE_EMAIL: (_value, locale) => m.import_error_DUPLICATE_EMAIL({}, { locale }),
  TEXT_LENGTH: (_value, locale) => m.import_error_TEXT_LENGTH({}, { locale }),
  PASSWORD_LENGTH: (_value, locale) => m.import_error_PASSWORD_LENGTH({}, { locale }),
  STAFF_EMAIL: (_value, locale) => m.import_error_STAFF_EMAIL({}, { locale }),
  UNKNOWN_PAYMENT_METHOD: (method, locale) =>
    m.import_error_UNKNOWN_PAYMENT_METHOD({ method }, { locale }),
  PAYMENT_METHOD_NOT_ENABLED: (method, locale) =>
    m.error_method_not_enabled(
      { method: paymentMethodLabel(method as PaymentMethod, locale) },
      { locale },
    ),
};

/**
 * The text of one row's problem in an imported CSV file, by its code; a code this app does not
 * know yet shows the API's own words.
 */
export function importRowErrorText(error: RowError, locale?: Locale): string {
  const text = rowTexts[error.code];

  return text ? text(error.value ?? '', locale) : error.message;
}

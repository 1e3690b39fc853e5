import { fail } from '@sveltejs/kit';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { isProductField, type ProductEntry, type ProductField } from '$lib/product-form';

type FieldErrors = Partial<Record<ProductField, string>>;

/** The fields the form could not read: each says what it wants. */
export function unreadable(entered: ProductEntry, invalid: ProductField[]) {
  const fieldErrors: FieldErrors = {};
  for (const field of invalid) {
    fieldErrors[field] = field === 'taxRate' ? m.error_VALIDATION() : m.whole_number_required();
  }

  return fail(400, { entered, fieldErrors, error: null });
}

/** The API's refusal: beside the field it names, else above the form. */
export function refused(
  entered: ProductEntry,
  result: { code: string; message: string; field?: string | null },
) {
  const message = errorText(result);
  if (isProductField(result.field)) {
    return fail(400, {
      entered,
      fieldErrors: { [result.field]: message } as FieldErrors,
      error: null,
    });
  }

  return fail(400, { entered, fieldErrors: {} as FieldErrors, error: message });
}

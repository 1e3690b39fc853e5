type Money = { amount: number; currency: string };

const formatters = new Map<string, Intl.NumberFormat>();

/** Amounts are integers in the currency's minor unit; JPY has none, so 1980 is ¥1,980. */
export function formatMoney({ amount, currency }: Money): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('ja-JP', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }

  return formatter.format(amount / 10 ** (formatter.resolvedOptions().maximumFractionDigits ?? 0));
}

// Always Tokyo time: the server renders and the browser hydrates the same text.
const dateTime = new Intl.DateTimeFormat('ja-JP', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Tokyo',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);

  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

const date = new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' });

/** The calendar day in Tokyo, as the shop counts dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = new Date(iso);

  return Number.isNaN(instant.getTime()) ? '—' : date.format(instant);
}

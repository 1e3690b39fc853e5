/** A calendar day as a date input sends it (`2026-12-04`), or '' for anything else. */
export function calendarDay(value: string | null | undefined): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';

  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? '' : value;
}

/**
 * The instant of midnight in Tokyo at the start of `day`, `days` later: the shop's dates are
 * Japanese ones, whatever the time zone of the server.
 */
export function tokyoMidnight(day: string, days = 0): string {
  const instant = new Date(`${day}T00:00:00+09:00`);
  instant.setUTCDate(instant.getUTCDate() + days);

  return instant.toISOString();
}

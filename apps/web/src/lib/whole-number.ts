/** Full-width digits and thousands separators are how many people type yen and hours. */
export function wholeNumber(value: string): number | null {
  const digits = value.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^-?\d+$/.test(digits)) return null;
  const number = Number(digits);

  return Number.isSafeInteger(number) ? number : null;
}

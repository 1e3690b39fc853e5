/**
 * The text of an uploaded CSV file. Excel saves "CSV UTF-8" with a BOM, but its plain "CSV
 * (Comma delimited)" in Japan is Shift_JIS, so each is tried strictly, UTF-8 first: Japanese
 * text in Shift_JIS is almost never valid UTF-8, while UTF-8 often decodes as Shift_JIS
 * without an error, into mojibake. Null when the bytes are neither, e.g. UTF-16.
 */
export function csvText(bytes: ArrayBuffer | Uint8Array): string | null {
  for (const encoding of ['utf-8', 'shift_jis']) {
    try {
      // The UTF-8 decoder drops a leading BOM by itself.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {}
  }

  return null;
}

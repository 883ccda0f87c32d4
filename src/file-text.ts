/**
 * Text as a file may carry it. Word, Excel and CSV exports are XML or read by Excel, and XML 1.0
 * forbids most control characters, lone surrogates and U+FFFE/U+FFFF. Text pasted from Word brings
 * some of them (U+000B for a manual line break, U+000C for a page break, U+0007 from table cells),
 * and one of them in an append-only chronology would break that case's export for good.
 * What people typed is kept in the record; only the copy written to a file is cleaned: breaks
 * become new lines, and the rest, which show as nothing anyway, are left out.
 */
const BREAKS = /[\v\f\u2028\u2029]/g;
// Everything XML 1.0 allows, as whole code points (surrogate pairs stay together).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function fileSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(BREAKS, '\n').replace(NOT_XML, '');
}

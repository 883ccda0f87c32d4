/**
 * Ends a composed line with a full stop, unless it already ends with one (or with ?, ! or …), so a
 * reason someone typed with its own full stop is not shown with two.
 */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.?!…]["”’)]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Where an audit entry belongs: the one school it is about, or else its trust (an import, reminders
 * across schools, an export of several). An entry with neither would be shown to nobody.
 */
export function auditScope(trustId: string, schoolIds: readonly string[]): { schoolId: string } | { trustId: string } {
  const distinct = [...new Set(schoolIds)];
  return distinct.length === 1 ? { schoolId: distinct[0]! } : { trustId };
}

/** INC-2026-0042: the year and a sequence number of at least four digits, unique per trust and year. */
export function incidentReference(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive whole number, got ${sequence}`);
  return `INC-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The counter a reference is drawn from, so numbering restarts each year. */
export const referenceCounterId = (trustId: string, year: number) => `incident-reference-${trustId}-${year}`;

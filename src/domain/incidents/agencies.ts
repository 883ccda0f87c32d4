/** The agencies a safeguarding lead refers a case to, by the name they go by in UK schools. */
export const AGENCY_LABELS = {
  police: 'Police',
  lado: 'Local authority designated officer (LADO)',
  'childrens-social-care': 'Children’s social care (MASH)',
  ceop: 'CEOP',
  other: 'Another agency',
} as const;

export type Agency = keyof typeof AGENCY_LABELS;
export const AGENCIES = Object.keys(AGENCY_LABELS) as [Agency, ...Agency[]];

/** "Children’s social care (MASH), reference MASH-2026-0412", from a referral entry's data. */
export function referralLine(data: { agency?: unknown; agencyReference?: unknown }): string {
  const agency = AGENCY_LABELS[data.agency as Agency] ?? String(data.agency ?? 'An agency');
  return typeof data.agencyReference === 'string' && data.agencyReference
    ? `${agency}, reference ${data.agencyReference}`
    : `${agency} (no reference given)`;
}

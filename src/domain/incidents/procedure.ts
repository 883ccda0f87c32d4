/** What the DSL sees when a report may involve a crime: the school's procedure, in order. */
export const POSSIBLE_CRIME_PROCEDURE = [
  'Preserve the evidence: keep devices and accounts as they are. Do not copy, forward or screenshot images that may be indecent.',
  'Do not investigate yourself, and do not question the people involved beyond what is needed to keep a child safe.',
  'Decide who to involve: the police (999 if a child is in danger), the local authority designated officer (LADO) for concerns about adults, children’s social care, and CEOP for online sexual abuse or grooming.',
  'Record every referral in the chronology with the agency, the reference number and the advice given.',
];

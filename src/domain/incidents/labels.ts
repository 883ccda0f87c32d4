/** A case's status and its chronology's entries in words, the same on the case page and in the export. */
export const CASE_STATUS_LABELS: Record<string, string> = {
  new: 'New',
  read: 'Read',
  'in-progress': 'In progress',
  referred: 'Referred',
  closed: 'Closed',
  // A report still waiting on the server's disk, shown to its reporter only.
  syncing: 'Saved, syncing',
};

export const ENTRY_KIND_LABELS: Record<string, string> = {
  report: 'Original report',
  correction: 'Correction',
  assessment: 'Assessment',
  action: 'Action taken',
  referral: 'Referral',
  status: 'Status',
  classification: 'Classification',
  assignment: 'Assignment',
  attachment: 'Evidence attached',
  outcome: 'Outcome',
};

export const caseStatusLabel = (status: string) => CASE_STATUS_LABELS[status] ?? status;
export const entryKindLabel = (kind: string) => ENTRY_KIND_LABELS[kind] ?? kind;

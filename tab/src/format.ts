const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  read: 'Read',
  'in-progress': 'In progress',
  referred: 'Referred',
  closed: 'Closed',
  syncing: 'Saved, syncing',
};

const ENTRY_LABELS: Record<string, string> = {
  report: 'Original report',
  correction: 'Correction',
  assessment: 'Assessment',
  action: 'Action taken',
  referral: 'Referral',
  status: 'Status',
  classification: 'Classification',
  assignment: 'Assignment',
  attachment: 'Attachment',
  outcome: 'Outcome',
};

export const entryLabel = (kind: string) => ENTRY_LABELS[kind] ?? kind;

export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;

export const dateTime = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';

export const date = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' }) : '—';

/** Today's date on a UK calendar, as yyyy-mm-dd, for date inputs. */
export const todayInUk = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

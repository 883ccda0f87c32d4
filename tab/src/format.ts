const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  read: 'Read',
  'in-progress': 'In progress',
  referred: 'Referred',
  closed: 'Closed',
};

export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;

export const dateTime = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';

export const date = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' }) : '—';

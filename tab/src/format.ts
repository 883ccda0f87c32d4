import { caseStatusLabel, entryKindLabel } from '../../src/domain/incidents/labels.ts';

export const entryLabel = entryKindLabel;

export const statusLabel = caseStatusLabel;

export const dateTime = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';

export const date = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' }) : '—';

/** Today's date on a UK calendar, as yyyy-mm-dd, for date inputs. */
export const todayInUk = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

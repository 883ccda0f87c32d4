import type { INCIDENT_STATUSES } from '../records.ts';

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * New → Read → In progress → Referred → Closed, as in the safeguarding tools schools use.
 * A DSL can reopen a closed case (it goes back to in progress); nothing ever returns to New.
 */
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['read'],
  read: ['in-progress', 'referred', 'closed'],
  'in-progress': ['referred', 'closed'],
  referred: ['in-progress', 'closed'],
  closed: ['in-progress'],
};

export interface StatusChange {
  to: IncidentStatus;
  /** Required to close; the case's outcome in the DSL's words. */
  outcome?: string;
  /** Required to reopen a closed case. */
  reason?: string;
}

export type StatusResult = { ok: true; status: IncidentStatus } | { ok: false; problem: string };

export function allowedNext(from: IncidentStatus): readonly IncidentStatus[] {
  return NEXT[from];
}

export function changeStatus(from: IncidentStatus, change: StatusChange): StatusResult {
  if (!NEXT[from].includes(change.to)) {
    return { ok: false, problem: `A case cannot go from ${from} to ${change.to}` };
  }
  if (change.to === 'closed' && !change.outcome?.trim()) {
    return { ok: false, problem: 'Record the outcome before closing the case' };
  }
  if (from === 'closed' && !change.reason?.trim()) {
    return { ok: false, problem: 'Give a reason for reopening the case' };
  }
  return { ok: true, status: change.to };
}

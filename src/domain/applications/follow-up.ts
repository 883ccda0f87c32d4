import { workingDaysSince } from '../calendar/working-days.ts';
import type { NATIONS } from '../records.ts';
import type { TrainingGate } from './readiness.ts';

/** How a school's SLT decides on account applications, with the defaults a school starts with. */
export interface ApprovalSettings {
  /** 1: the first response decides. */
  approvalsNeeded: number;
  trainingGate: TrainingGate;
  remindAfterWorkingDays: number;
  expireAfterWorkingDays: number;
}

export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = {
  approvalsNeeded: 1,
  trainingGate: 'block',
  remindAfterWorkingDays: 3,
  // About a month of school days: long enough for half-term, short enough not to be forgotten.
  expireAfterWorkingDays: 20,
};

export const approvalSettingsFor = (school?: { approvals?: Partial<ApprovalSettings> }): ApprovalSettings => ({
  ...DEFAULT_APPROVAL_SETTINGS,
  ...school?.approvals,
});

export type FollowUp =
  { kind: 'none' } | { kind: 'remind'; waitingDays: number; daysLeft: number } | { kind: 'expire' };

/**
 * What an application waiting for SLT needs now: nothing, a reminder (after the school's number
 * of working days, and again after each as many more), or expiry, so nothing waits forever.
 */
export function followUpDue(
  pending: { submittedAt: string; lastRemindedAt?: string },
  settings: Pick<ApprovalSettings, 'remindAfterWorkingDays' | 'expireAfterWorkingDays'>,
  now: Date,
  nation: (typeof NATIONS)[number],
): FollowUp {
  const waitingDays = workingDaysSince(pending.submittedAt, now, nation);
  if (waitingDays >= settings.expireAfterWorkingDays) return { kind: 'expire' };
  const sinceLast = pending.lastRemindedAt ? workingDaysSince(pending.lastRemindedAt, now, nation) : waitingDays;
  if (sinceLast >= settings.remindAfterWorkingDays) {
    return { kind: 'remind', waitingDays, daysLeft: settings.expireAfterWorkingDays - waitingDays };
  }
  return { kind: 'none' };
}

import type { Role } from '../roles.ts';

/**
 * Where one person stands on one requirement (a course, or reading the current policy).
 * The same rules serve the HR dashboard, My training, reminders and the account runners' gate.
 */
export const TRAINING_STATUSES = ['completed', 'due-soon', 'overdue', 'not-started', 'awaiting-verification'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const STATUS_LABELS: Record<TrainingStatus, string> = {
  completed: 'Completed',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  'not-started': 'Not started',
  'awaiting-verification': 'Awaiting HR check',
};

export interface StatusSettings {
  /** A completion expiring within this many days is "due soon". */
  dueSoonDays: number;
  /** New starters (and everyone, when a requirement is new) have this long before "not started" becomes overdue. */
  graceDays: number;
}

export const DEFAULT_STATUS_SETTINGS: StatusSettings = { dueSoonDays: 30, graceDays: 30 };

export interface Completion {
  completedOn: string;
  /** Explicit expiry (from a certificate); otherwise the course's refresher period decides. */
  expiresOn?: string;
  verified: boolean;
}

export interface Standing {
  status: TrainingStatus;
  /** True when the requirement is met today: completed or due soon. */
  compliant: boolean;
  /** True when no completion, verified or not, has ever been recorded. */
  neverCompleted: boolean;
  completedOn?: string;
  /** When the requirement must next be met: the expiry of the latest completion, or the end of the grace period. */
  dueOn?: string;
}

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromTime(toTime(date) + days * DAY_MS);

/** Calendar months, clamped to the month's end: 31 January plus one month is 28 (or 29) February. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromTime(target.getTime());
}

export const daysBetween = (from: string, to: string): number => Math.round((toTime(to) - toTime(from)) / DAY_MS);

/** When a completion runs out: its own expiry if it has one, else completion plus the refresher period. */
export function expiryOf(completion: Completion, refresherMonths: number | undefined): string | undefined {
  if (completion.expiresOn) return completion.expiresOn;
  return refresherMonths ? addMonths(completion.completedOn, refresherMonths) : undefined;
}

export interface Requirement {
  refresherMonths?: number;
  /** The day the requirement began to apply to this person: their start date, or the day it was introduced. */
  appliesFrom: string;
}

/**
 * The status rules. Only verified completions count; a self-declaration waits for HR.
 * Of several completions, the one lasting longest decides.
 */
export function standing(
  completions: readonly Completion[],
  requirement: Requirement,
  today: string,
  settings: StatusSettings = DEFAULT_STATUS_SETTINGS,
): Standing {
  const verified = completions
    .filter((c) => c.verified)
    .map((c) => ({ completedOn: c.completedOn, dueOn: expiryOf(c, requirement.refresherMonths) }))
    .sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
  const best = verified.at(-1);
  if (best) {
    const base = { completedOn: best.completedOn, dueOn: best.dueOn, neverCompleted: false };
    if (!best.dueOn || daysBetween(today, best.dueOn) > settings.dueSoonDays)
      return { ...base, status: 'completed', compliant: true };
    if (best.dueOn >= today) return { ...base, status: 'due-soon', compliant: true };
    return { ...base, status: 'overdue', compliant: false };
  }
  if (completions.length > 0) {
    const latest = [...completions].sort((a, b) => a.completedOn.localeCompare(b.completedOn)).at(-1);
    return {
      status: 'awaiting-verification',
      compliant: false,
      neverCompleted: false,
      completedOn: latest?.completedOn,
    };
  }
  const dueOn = addDays(requirement.appliesFrom, settings.graceDays);
  return { status: dueOn < today ? 'overdue' : 'not-started', compliant: false, neverCompleted: true, dueOn };
}

export interface CourseRule {
  schoolId?: string;
  requiredForRoles: readonly Role[];
  /** Needed by anyone who leads or moderates an official account, whatever their role. */
  requiredForAccountRunners?: boolean;
  refresherMonths?: number;
}

/** What a person does that training can hang on. */
export interface Duties {
  schoolId: string;
  roles: readonly Role[];
  startedOn: string;
  /** The day they began running an official account (or were named to on an application), if they do. */
  runsAccountSince?: string;
}

/** Why a course applies to someone: a role they hold, or an account they run. */
export type RequiredBecause = 'role' | 'account';

/** Whether running an official account at this school calls for the course. */
export function neededToRunAccounts(course: CourseRule, schoolId: string): boolean {
  return Boolean(course.requiredForAccountRunners) && (!course.schoolId || course.schoolId === schoolId);
}

/**
 * The one rule for who needs which course, behind My training, the application's gate, the
 * dashboard, recording completions and reminders. A duty taken on later than someone's start
 * date gets its own grace period from that day, so running an account never makes a person
 * overdue overnight.
 */
export function requirementFor(
  course: CourseRule,
  person: Duties,
): (Requirement & { because: RequiredBecause }) | undefined {
  if (course.schoolId && course.schoolId !== person.schoolId) return undefined;
  const { refresherMonths } = course;
  if (course.requiredForRoles.some((role) => person.roles.includes(role)))
    return { because: 'role', appliesFrom: person.startedOn, refresherMonths };
  if (person.runsAccountSince && neededToRunAccounts(course, person.schoolId)) {
    const since = person.runsAccountSince > person.startedOn ? person.runsAccountSince : person.startedOn;
    return { because: 'account', appliesFrom: since, refresherMonths };
  }
  return undefined;
}

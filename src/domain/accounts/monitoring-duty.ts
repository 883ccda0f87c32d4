import { londonDate } from '../calendar/working-days.ts';

/**
 * The daily duty on an official account, as pure rules: when its moderators are reminded to
 * check in and who that is, when SLT hears it has gone unchecked, which of its people are
 * leaving, and when its annual review falls due.
 */
export interface MonitoringSettings {
  /** London time, HH:MM, after which anyone who has not checked in that day is reminded. */
  reminderTime: string;
  /** Whole days without a check-in before SLT is told. */
  escalateUncheckedAfterDays: number;
}

export const MONITORING_DEFAULTS: MonitoringSettings = { reminderTime: '16:00', escalateUncheckedAfterDays: 2 };

export const monitoringSettingsFor = (school: { monitoring?: Partial<MonitoringSettings> } | undefined) => ({
  ...MONITORING_DEFAULTS,
  ...school?.monitoring,
});

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The time on a London clock at an instant, as HH:MM. */
export const londonClock = (at: Date): string => LONDON_CLOCK.format(at);

const DAY_MS = 86_400_000;
/** Calendar days from one London date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export interface Monitored {
  leadId: string;
  moderatorIds: readonly string[];
  rota?: readonly { from: string; to: string; personId: string }[];
}

export const monitorsOf = (account: Monitored): string[] => [...new Set([account.leadId, ...account.moderatorIds])];

/** Due once a London day, after the reminder time, and only if nobody has checked in that day. */
export function reminderDue(input: {
  now: Date;
  reminderTime: string;
  lastCheckInAt?: string;
  remindedOn?: string;
}): boolean {
  const today = londonDate(input.now);
  if (input.remindedOn === today) return false;
  if (input.lastCheckInAt && londonDate(new Date(input.lastCheckInAt)) === today) return false;
  return londonClock(input.now) >= input.reminderTime;
}

/**
 * Who is reminded today. On a day the school is open, everyone who monitors the account. On a
 * closure day, weekend or bank holiday, whoever the rota names for the day, if anyone (and
 * still monitors it); otherwise everyone, as the policy prefers monitoring through holidays.
 */
export function peopleToRemind(account: Monitored, today: string, schoolOpen: boolean): string[] {
  const monitors = monitorsOf(account);
  if (schoolOpen) return monitors;
  const onRota = (account.rota ?? [])
    .filter((r) => r.from <= today && today <= r.to && monitors.includes(r.personId))
    .map((r) => r.personId);
  return onRota.length ? [...new Set(onRota)] : monitors;
}

/**
 * Whether SLT should hear that an account has gone unchecked: more than the allowed days since
 * its last check-in (or since it was created), and not already told about this gap.
 */
export function uncheckedEscalation(input: {
  now: Date;
  /** The last check-in, or the day the account was created when it has none. */
  since: string;
  afterDays: number;
  escalatedAt?: string;
}): { due: boolean; days: number } {
  const days = daysBetween(londonDate(new Date(input.since)), londonDate(input.now));
  const toldAboutThisGap = input.escalatedAt !== undefined && input.escalatedAt >= input.since;
  return { due: days > input.afterDays && !toldAboutThisGap, days };
}

export interface PersonStanding {
  active: boolean;
  leavingOn?: string;
}

/**
 * The account's lead and moderators who are leaving or have left: disabled or removed from the
 * directory, or given a leaving date by HR (flagged before that date arrives).
 */
export function leaversAmong(
  account: Monitored,
  people: ReadonlyMap<string, PersonStanding>,
): { leaverIds: string[]; leavingOn?: string } {
  const leaverIds = monitorsOf(account).filter((id) => {
    const person = people.get(id);
    return !person || !person.active || person.leavingOn !== undefined;
  });
  const dates = leaverIds.flatMap((id) => people.get(id)?.leavingOn ?? []).sort();
  return { leaverIds, ...(dates[0] ? { leavingOn: dates[0] } : {}) };
}

/** Someone may still act for the account today: on the staff, and not past a leaving date. */
export const stillServing = (person: PersonStanding | undefined, today: string): boolean =>
  Boolean(person?.active && (!person.leavingOn || person.leavingOn > today));

const addYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

/**
 * The yearly review: due a year after the account was created or last reviewed, or at once when
 * the school's policy has changed since (a new version may change what accounts may do).
 */
export function reviewStatus(
  account: { createdOn: string; reviews?: readonly { at: string; policyVersionId?: string }[] },
  today: string,
  currentPolicy?: { id: string; importedAt: string },
): { due: boolean; dueOn: string; reason?: 'yearly' | 'policy-changed' } {
  const last = account.reviews?.at(-1);
  const dueOn = addYear(last ? londonDate(new Date(last.at)) : account.createdOn);
  const policyChanged =
    currentPolicy !== undefined &&
    (last
      ? last.policyVersionId !== currentPolicy.id
      : londonDate(new Date(currentPolicy.importedAt)) > account.createdOn);
  if (policyChanged) return { due: true, dueOn: today < dueOn ? today : dueOn, reason: 'policy-changed' };
  return today >= dueOn ? { due: true, dueOn, reason: 'yearly' } : { due: false, dueOn };
}

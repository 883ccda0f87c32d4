import { isWorkingDay, londonDate, nextDate, type Nation } from '../calendar/working-days.ts';

/**
 * The policy's reply rule for comments, queries and complaints on an official account: within
 * 24 hours, or on the next working day when it arrived at a weekend, on a bank holiday of the
 * school's nation or on one of the school's closure days. "On the next working day" means by the
 * end of that day, London time, whatever the clocks are doing.
 */
export interface ReplyCalendar {
  nation: Nation;
  /** The school's own closure days (INSET days, holidays), as yyyy-mm-dd. */
  closures: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes London is ahead of UTC at an instant: 0 in winter, 60 in summer. */
function londonOffsetMinutes(at: number): number {
  const parts = Object.fromEntries(LONDON_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** The instant a London calendar day begins (UK clocks never change at midnight, so this is exact). */
export function londonMidnight(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(utcMidnight - londonOffsetMinutes(utcMidnight) * 60_000);
}

export function isReplyWorkingDay(date: string, calendar: ReplyCalendar): boolean {
  return isWorkingDay(date, calendar.nation) && !calendar.closures.includes(date);
}

/** When a reply to something that arrived at `arrivedAt` is due. */
export function replyDueAt(arrivedAt: Date, calendar: ReplyCalendar): Date {
  const arrivedOn = londonDate(arrivedAt);
  if (isReplyWorkingDay(arrivedOn, calendar)) return new Date(arrivedAt.getTime() + DAY_MS);
  let day = nextDate(arrivedOn);
  // Bounded: even a long summer closure ends within a few months.
  for (let i = 0; i < 200 && !isReplyWorkingDay(day, calendar); i++) day = nextDate(day);
  return new Date(londonMidnight(nextDate(day)).getTime() - 1);
}

/** A reply is overdue once its due time has passed without it being marked as sent. */
export const isReplyOverdue = (item: { dueAt: string; repliedAt?: string }, now: Date): boolean =>
  !item.repliedAt && now.getTime() > Date.parse(item.dueAt);

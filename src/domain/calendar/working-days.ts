import Holidays from 'date-holidays';
import type { NATIONS } from '../records.ts';

export type Nation = (typeof NATIONS)[number];

/** date-holidays' region codes; England and Wales share their bank holidays. */
const REGION: Record<Nation, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const calendars = new Map<Nation, Holidays>();
const bankHolidays = new Map<string, Set<string>>();

/** The nation's bank holidays in a year, as London dates (yyyy-mm-dd); cached, as the table never changes at run time. */
function holidaysIn(nation: Nation, year: number): Set<string> {
  const key = `${nation}:${year}`;
  let days = bankHolidays.get(key);
  if (!days) {
    let calendar = calendars.get(nation);
    if (!calendar) {
      calendar = new Holidays('GB', REGION[nation]);
      calendars.set(nation, calendar);
    }
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    bankHolidays.set(key, days);
  }
  return days;
}

/** The London calendar date of an instant, as yyyy-mm-dd. */
// One formatter, made once: building one per call costs more than everything else a dashboard does.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
export const londonDate = (when: Date): string => LONDON_DAY.format(when);

export function isWorkingDay(date: string, nation: Nation): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidaysIn(nation, Number(date.slice(0, 4))).has(date);
}

export const nextDate = (date: string): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Whole working days that have passed since `from`, as a member of staff would count them: the
 * day it happened does not count, each later weekday that is not a bank holiday does, up to and
 * including today. Submitted on Friday, it is 1 working day old on Monday.
 */
export function workingDaysSince(from: Date | string, now: Date, nation: Nation): number {
  const today = londonDate(now);
  let date = londonDate(new Date(from));
  let count = 0;
  // Bounded: nothing in the product waits more than a couple of years.
  for (let i = 0; i < 1000 && date < today; i++) {
    date = nextDate(date);
    if (isWorkingDay(date, nation)) count++;
  }
  return count;
}

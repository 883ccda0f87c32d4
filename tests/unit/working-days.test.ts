import { isWorkingDay, workingDaysSince } from '../../src/domain/calendar/working-days.ts';
import { followUpDue } from '../../src/domain/applications/follow-up.ts';

describe('UK working days', () => {
  test('weekends and each nation’s bank holidays are not working days', () => {
    expect(isWorkingDay('2026-11-21', 'england-and-wales')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-23', 'england-and-wales')).toBe(true);
    expect(isWorkingDay('2026-08-31', 'england-and-wales')).toBe(false); // Summer bank holiday
    expect(isWorkingDay('2026-08-31', 'scotland')).toBe(true); // Scotland's is on 3 August
    expect(isWorkingDay('2026-11-30', 'scotland')).toBe(false); // St Andrew's Day
    expect(isWorkingDay('2026-03-17', 'northern-ireland')).toBe(false); // St Patrick's Day
    expect(isWorkingDay('2026-12-28', 'england-and-wales')).toBe(false); // Boxing Day, substitute
  });

  test('counted as staff count them: submitted on Friday, one working day old on Monday', () => {
    const friday = new Date('2026-11-20T15:00:00Z');
    expect(workingDaysSince(friday, new Date('2026-11-20T23:00:00Z'), 'england-and-wales')).toBe(0);
    expect(workingDaysSince(friday, new Date('2026-11-22T09:00:00Z'), 'england-and-wales')).toBe(0);
    expect(workingDaysSince(friday, new Date('2026-11-23T09:00:00Z'), 'england-and-wales')).toBe(1);
    // Christmas: Thursday 24 Dec to Tuesday 29 Dec is one working day (25, 26, 27, 28 are not).
    expect(workingDaysSince('2026-12-24T10:00:00Z', new Date('2026-12-29T10:00:00Z'), 'england-and-wales')).toBe(1);
  });

  test('London dates, not UTC: late on a summer evening is already the next day', () => {
    // 23:30 UTC on Friday 3 July is 00:30 on Saturday in London (BST).
    expect(workingDaysSince('2026-07-02T12:00:00Z', new Date('2026-07-03T23:30:00Z'), 'england-and-wales')).toBe(1);
    expect(workingDaysSince('2026-07-03T23:30:00Z', new Date('2026-07-06T08:00:00Z'), 'england-and-wales')).toBe(1);
  });
});

describe('following up an application nobody has decided', () => {
  const settings = { remindAfterWorkingDays: 3, expireAfterWorkingDays: 10 };
  const submittedAt = '2026-11-20T10:00:00Z'; // a Friday
  const on = (date: string) => new Date(`${date}T09:00:00Z`);

  test('a reminder after three working days, then after each three more, then expiry', () => {
    expect(followUpDue({ submittedAt }, settings, on('2026-11-24'), 'england-and-wales')).toEqual({ kind: 'none' });
    expect(followUpDue({ submittedAt }, settings, on('2026-11-25'), 'england-and-wales')).toEqual({
      kind: 'remind',
      waitingDays: 3,
      daysLeft: 7,
    });
    const reminded = { submittedAt, lastRemindedAt: '2026-11-25T09:00:00Z' };
    expect(followUpDue(reminded, settings, on('2026-11-27'), 'england-and-wales').kind).toBe('none');
    expect(followUpDue(reminded, settings, on('2026-11-30'), 'england-and-wales').kind).toBe('remind');
    expect(followUpDue(reminded, settings, on('2026-12-04'), 'england-and-wales')).toEqual({ kind: 'expire' });
  });

  test('bank holidays do not count: Scotland’s St Andrew’s Day delays the reminder', () => {
    const friday = { submittedAt: '2026-11-27T10:00:00Z' };
    // England: Mon 30, Tue 1, Wed 2 Dec. Scotland: Mon 30 Nov is a bank holiday, so Thursday.
    expect(followUpDue(friday, settings, on('2026-12-02'), 'england-and-wales').kind).toBe('remind');
    expect(followUpDue(friday, settings, on('2026-12-02'), 'scotland').kind).toBe('none');
    expect(followUpDue(friday, settings, on('2026-12-03'), 'scotland').kind).toBe('remind');
  });
});

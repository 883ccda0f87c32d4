import { isReplyOverdue, londonMidnight, replyDueAt, type ReplyCalendar } from '../../src/domain/accounts/reply-due.ts';

const england: ReplyCalendar = { nation: 'england-and-wales', closures: [] };
const due = (arrived: string, calendar: ReplyCalendar = england) =>
  replyDueAt(new Date(arrived), calendar).toISOString();

describe('when a reply on an official account is due', () => {
  test('on a working day, 24 hours later', () => {
    expect(due('2026-11-17T10:15:00Z')).toBe('2026-11-18T10:15:00.000Z'); // Tuesday
  });

  test('Friday 17:00 is a working day, so the reply is due 24 hours later, on Saturday', () => {
    expect(due('2026-11-20T17:00:00Z')).toBe('2026-11-21T17:00:00.000Z');
  });

  test('arriving on Saturday, the reply is due by the end of Monday', () => {
    expect(due('2026-11-21T10:00:00Z')).toBe('2026-11-23T23:59:59.999Z');
    expect(due('2026-11-22T23:30:00Z')).toBe('2026-11-23T23:59:59.999Z'); // late Sunday
  });

  test('a bank-holiday Monday is skipped, in the school’s own nation only', () => {
    // England's summer bank holiday is 31 August 2026; the end of Tuesday is 23:59 BST.
    expect(due('2026-08-31T08:00:00Z')).toBe('2026-09-01T22:59:59.999Z');
    expect(due('2026-08-29T12:00:00Z')).toBe('2026-09-01T22:59:59.999Z');
    // Scotland's summer holiday was on 3 August, so 31 August is an ordinary Monday there.
    expect(due('2026-08-31T08:00:00Z', { nation: 'scotland', closures: [] })).toBe('2026-09-01T08:00:00.000Z');
  });

  test('Christmas: from Christmas Day, past Boxing Day’s substitute Monday, to the end of Tuesday 29th', () => {
    expect(due('2026-12-25T11:00:00Z')).toBe('2026-12-29T23:59:59.999Z');
    // Christmas Eve is a working day: 24 hours, even though that lands on Christmas Day.
    expect(due('2026-12-24T16:00:00Z')).toBe('2026-12-25T16:00:00.000Z');
  });

  test('across the change to British Summer Time (29 March 2026) the end of Monday is 23:59 BST', () => {
    expect(due('2026-03-28T23:30:00Z')).toBe('2026-03-30T22:59:59.999Z');
    expect(due('2026-03-29T00:30:00Z')).toBe('2026-03-30T22:59:59.999Z'); // before the clocks go forward
    expect(due('2026-03-29T01:30:00Z')).toBe('2026-03-30T22:59:59.999Z'); // after
  });

  test('across the change back to GMT (25 October 2026) the end of Monday is 23:59 GMT', () => {
    expect(due('2026-10-24T22:30:00Z')).toBe('2026-10-26T23:59:59.999Z'); // Saturday 23:30 BST
    expect(due('2026-10-25T00:30:00Z')).toBe('2026-10-26T23:59:59.999Z'); // 01:30 BST, the hour that repeats
  });

  test('London’s date decides: 23:30 UTC on a summer Friday is already Saturday in London', () => {
    expect(due('2026-07-03T23:30:00Z')).toBe('2026-07-06T22:59:59.999Z');
    expect(due('2026-07-03T22:30:00Z')).toBe('2026-07-04T22:30:00.000Z'); // 23:30 BST Friday: 24 hours
  });

  test('the school’s closure days count like weekends', () => {
    const inset = { ...england, closures: ['2026-11-02'] }; // an INSET Monday
    expect(due('2026-10-31T10:00:00Z', inset)).toBe('2026-11-03T23:59:59.999Z');
    expect(due('2026-11-02T10:00:00Z', inset)).toBe('2026-11-03T23:59:59.999Z');
  });

  test('London midnight is exact in both seasons', () => {
    expect(londonMidnight('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonMidnight('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
    expect(londonMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });

  test('overdue once the due time passes unanswered; a reply stops the clock', () => {
    const item = { dueAt: '2026-11-18T10:15:00.000Z' };
    expect(isReplyOverdue(item, new Date('2026-11-18T10:15:00Z'))).toBe(false);
    expect(isReplyOverdue(item, new Date('2026-11-18T10:15:01Z'))).toBe(true);
    expect(isReplyOverdue({ ...item, repliedAt: '2026-11-18T09:00:00Z' }, new Date('2026-11-19T00:00:00Z'))).toBe(
      false,
    );
  });
});

import {
  leaversAmong,
  londonClock,
  peopleToRemind,
  reminderDue,
  reviewStatus,
  stillServing,
  uncheckedEscalation,
} from '../../src/domain/accounts/monitoring-duty.ts';
import { teamProblems } from '../../src/domain/accounts/new-account.ts';

const account = {
  leadId: 'lead',
  moderatorIds: ['lead', 'mod-a', 'mod-b'],
  rota: [
    { from: '2026-12-21', to: '2026-12-27', personId: 'mod-a' },
    { from: '2026-12-28', to: '2027-01-03', personId: 'mod-b' },
    { from: '2026-12-24', to: '2026-12-24', personId: 'someone-who-left-the-team' },
  ],
};

describe('the daily check-in reminder', () => {
  const at = (iso: string, extra: { lastCheckInAt?: string; remindedOn?: string } = {}) =>
    reminderDue({ now: new Date(iso), reminderTime: '16:00', ...extra });

  test('falls due at the reminder time on the London clock, in summer and winter', () => {
    expect(at('2026-11-23T15:59:00Z')).toBe(false);
    expect(at('2026-11-23T16:00:00Z')).toBe(true);
    // 15:00 UTC is 16:00 BST in July.
    expect(londonClock(new Date('2026-07-06T15:00:00Z'))).toBe('16:00');
    expect(at('2026-07-06T15:00:00Z')).toBe(true);
  });

  test('is not sent when someone checked in that London day, or once it has been sent', () => {
    expect(at('2026-11-23T17:00:00Z', { lastCheckInAt: '2026-11-23T08:10:00Z' })).toBe(false);
    expect(at('2026-11-23T17:00:00Z', { lastCheckInAt: '2026-11-22T20:00:00Z' })).toBe(true);
    expect(at('2026-11-23T17:00:00Z', { remindedOn: '2026-11-23' })).toBe(false);
    // A check-in at 23:30 UTC on 6 July was on 7 July in London, so it counts for that day.
    expect(at('2026-07-07T15:30:00Z', { lastCheckInAt: '2026-07-06T23:30:00Z', remindedOn: '2026-07-06' })).toBe(false);
    expect(at('2026-07-07T15:30:00Z', { lastCheckInAt: '2026-07-06T22:30:00Z', remindedOn: '2026-07-06' })).toBe(true);
  });

  test('goes to everyone on the team when the school is open, and to the rota when it is closed', () => {
    expect(peopleToRemind(account, '2026-12-22', true)).toEqual(['lead', 'mod-a', 'mod-b']);
    expect(peopleToRemind(account, '2026-12-22', false)).toEqual(['mod-a']);
    // Someone on the rota who no longer monitors the account is not reminded.
    expect(peopleToRemind(account, '2026-12-24', false)).toEqual(['mod-a']);
    expect(peopleToRemind(account, '2027-01-01', false)).toEqual(['mod-b']);
  });

  test('goes to everyone when the school is closed and nobody is on the rota that day', () => {
    expect(peopleToRemind(account, '2027-02-15', false)).toEqual(['lead', 'mod-a', 'mod-b']);
    expect(peopleToRemind({ leadId: 'lead', moderatorIds: ['mod-a'] }, '2026-12-22', false)).toEqual(['lead', 'mod-a']);
  });
});

describe('escalating an unchecked account to SLT', () => {
  const check = (since: string, now: string, escalatedAt?: string) =>
    uncheckedEscalation({ now: new Date(now), since, afterDays: 2, escalatedAt });

  test('only after more than the allowed number of days, counted on the London calendar', () => {
    expect(check('2026-11-20T09:00:00Z', '2026-11-22T23:00:00Z')).toEqual({ due: false, days: 2 });
    expect(check('2026-11-20T09:00:00Z', '2026-11-23T00:30:00Z')).toEqual({ due: true, days: 3 });
  });

  test('once for each gap: a new check-in starts a new gap', () => {
    expect(check('2026-11-20T09:00:00Z', '2026-11-25T09:00:00Z', '2026-11-23T16:00:00Z').due).toBe(false);
    expect(check('2026-11-24T09:00:00Z', '2026-11-28T09:00:00Z', '2026-11-23T16:00:00Z').due).toBe(true);
  });
});

describe('leavers on an account', () => {
  const people = new Map([
    ['lead', { active: true }],
    ['mod-a', { active: true, leavingOn: '2026-12-18' }],
    ['mod-b', { active: false, leavingOn: '2026-11-01' }],
  ]);

  test('are the lead and moderators with a leaving date, disabled, or gone from the directory', () => {
    expect(leaversAmong(account, people)).toEqual({ leaverIds: ['mod-a', 'mod-b'], leavingOn: '2026-11-01' });
    expect(leaversAmong({ leadId: 'lead', moderatorIds: ['ghost'] }, people)).toEqual({ leaverIds: ['ghost'] });
    expect(leaversAmong({ leadId: 'lead', moderatorIds: [] }, people)).toEqual({ leaverIds: [] });
  });

  test('may act for the account until their leaving date, and not on or after it', () => {
    expect(stillServing({ active: true, leavingOn: '2026-12-18' }, '2026-12-17')).toBe(true);
    expect(stillServing({ active: true, leavingOn: '2026-12-18' }, '2026-12-18')).toBe(false);
    expect(stillServing({ active: false }, '2026-12-01')).toBe(false);
    expect(stillServing(undefined, '2026-12-01')).toBe(false);
  });
});

describe('handing an account over', () => {
  const ready = (personId: string, isReady = true) => ({
    personId,
    name: personId,
    ready: isReady,
    gaps: isReady ? [] : ['has not completed the training'],
    acknowledged: isReady,
    missingCourses: [],
  });

  test('needs a trained lead and two trained moderators, none of them leaving', () => {
    const staffIds = ['new-lead', 'mod-a', 'mod-c'];
    expect(
      teamProblems({
        leadId: 'new-lead',
        lead: ready('new-lead'),
        moderators: [ready('mod-a'), ready('mod-c')],
        staffIds,
      }),
    ).toEqual({});
    const problems = teamProblems({
      leadId: 'new-lead',
      lead: ready('new-lead', false),
      moderators: [ready('mod-a'), ready('leaver')],
      staffIds,
      leaverIds: ['leaver'],
    });
    expect(problems.leadId).toMatch(/must be trained/);
    expect(problems.moderatorIds).toMatch(/Leaving staff cannot moderate the account: leaver/);
    expect(teamProblems({ leadId: 'leaver', moderators: [ready('mod-a')], staffIds, leaverIds: ['leaver'] })).toEqual({
      leadId: expect.stringMatching(/is leaving/),
      moderatorIds: expect.stringMatching(/at least two/),
    });
  });
});

describe('the annual review', () => {
  const policy = { id: 'v2', importedAt: '2026-03-01T09:00:00Z' };

  test('is due a year after the account was created, then a year after each review', () => {
    const created = { createdOn: '2025-11-30' };
    expect(reviewStatus(created, '2026-11-29')).toEqual({ due: false, dueOn: '2026-11-30' });
    expect(reviewStatus(created, '2026-11-30')).toEqual({ due: true, dueOn: '2026-11-30', reason: 'yearly' });
    const reviewed = { ...created, reviews: [{ at: '2026-12-02T10:00:00Z', policyVersionId: 'v2' }] };
    expect(reviewStatus(reviewed, '2027-06-01', policy)).toEqual({ due: false, dueOn: '2027-12-02' });
  });

  test('is due at once when the policy has changed since the last review, or since the account was created', () => {
    const reviewed = { createdOn: '2025-09-01', reviews: [{ at: '2026-01-10T10:00:00Z', policyVersionId: 'v1' }] };
    expect(reviewStatus(reviewed, '2026-04-01', policy)).toEqual({
      due: true,
      dueOn: '2026-04-01',
      reason: 'policy-changed',
    });
    expect(reviewStatus({ createdOn: '2026-01-05' }, '2026-04-01', policy).reason).toBe('policy-changed');
    expect(reviewStatus({ createdOn: '2026-05-05' }, '2026-06-01', policy).due).toBe(false);
  });
});

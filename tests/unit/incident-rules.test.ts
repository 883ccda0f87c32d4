import fc from 'fast-check';
import {
  DEFAULT_ESCALATION,
  escalationFor,
  escalationStage,
  nextEscalationAt,
} from '../../src/domain/incidents/escalation.ts';
import { incidentReference } from '../../src/domain/incidents/reference.ts';
import { retentionFor } from '../../src/domain/incidents/retention.ts';
import { DEFAULT_ROUTING, recipientsFor, type Colleague } from '../../src/domain/incidents/routing.ts';
import { allowedNext, changeStatus, type IncidentStatus } from '../../src/domain/incidents/status.ts';
import { INCIDENT_STATUSES } from '../../src/domain/records.ts';

describe('case status', () => {
  test('the normal path New → Read → In progress → Referred → Closed works, with an outcome to close', () => {
    let status: IncidentStatus = 'new';
    for (const to of ['read', 'in-progress', 'referred'] as const) {
      const r = changeStatus(status, { to });
      expect(r).toEqual({ ok: true, status: to });
      status = to;
    }
    expect(changeStatus(status, { to: 'closed' })).toEqual({
      ok: false,
      problem: 'Record the outcome before closing the case',
    });
    expect(changeStatus(status, { to: 'closed', outcome: 'Police advised; no further action' })).toEqual({
      ok: true,
      status: 'closed',
    });
  });

  test('a case cannot skip being read, and cannot go back to new', () => {
    expect(changeStatus('new', { to: 'closed', outcome: 'x' }).ok).toBe(false);
    expect(changeStatus('read', { to: 'new' }).ok).toBe(false);
  });

  test('reopening a closed case needs a reason', () => {
    expect(changeStatus('closed', { to: 'in-progress' }).ok).toBe(false);
    expect(changeStatus('closed', { to: 'in-progress', reason: 'New messages received' })).toEqual({
      ok: true,
      status: 'in-progress',
    });
  });

  test('property: no sequence of requested changes reaches an invalid state or closes without an outcome', () => {
    const change = fc.record({
      to: fc.constantFrom(...INCIDENT_STATUSES),
      outcome: fc.option(fc.string(), { nil: undefined }),
      reason: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        let status: IncidentStatus = 'new';
        let everRead = false;
        for (const c of changes) {
          const r = changeStatus(status, c);
          if (!r.ok) continue;
          expect(allowedNext(status)).toContain(r.status);
          if (r.status === 'closed') expect(c.outcome?.trim()).toBeTruthy();
          expect(r.status).not.toBe('new');
          if (r.status !== 'read') expect(everRead || status === 'read').toBe(true);
          everRead ||= r.status === 'read';
          status = r.status;
        }
      }),
    );
  });
});

describe('who is alerted', () => {
  const school = 'school-a';
  const person = (id: string, roles: string[], active = true): Colleague => ({
    id,
    active,
    roles: roles.map((role) => ({ role: role as never, schoolId: school })),
  });
  const staff = [
    person('dsl', ['Staff', 'DSL']),
    person('deputy-dsl', ['Staff', 'DSL']),
    person('left-dsl', ['Staff', 'DSL'], false),
    person('head', ['Staff', 'SLT']),
    person('deputy-head', ['Staff', 'SLT']),
    person('chair', ['Staff']),
    person('admin', ['Staff', 'Admin']),
    person('teacher', ['Staff']),
    { id: 'other-school-dsl', active: true, roles: [{ role: 'DSL', schoolId: 'school-b' }] } as Colleague,
  ];
  const routing = { ...DEFAULT_ROUTING, headteacherId: 'head', chairOfGovernorsId: 'chair' };

  test("safeguarding reports go to the active DSL and deputies of the pupil's school only", () => {
    expect(recipientsFor({ audience: 'safeguarding', schoolId: school }, staff, routing)).toEqual({
      ok: true,
      recipientIds: ['dsl', 'deputy-dsl'],
    });
  });

  test('reputation-only reports go to SLT', () => {
    expect(recipientsFor({ audience: 'reputation', schoolId: school }, staff, routing)).toEqual({
      ok: true,
      recipientIds: ['head', 'deputy-head'],
    });
  });

  test('a concern about an adult goes to the head, or to the chair when it is about the head, never to its subject', () => {
    expect(
      recipientsFor({ audience: 'adult-conduct', schoolId: school, subjectPersonId: 'teacher' }, staff, routing),
    ).toEqual({
      ok: true,
      recipientIds: ['head'],
    });
    expect(
      recipientsFor({ audience: 'adult-conduct', schoolId: school, subjectPersonId: 'head' }, staff, routing),
    ).toEqual({
      ok: true,
      recipientIds: ['chair'],
    });
    const aboutDsl = recipientsFor(
      { audience: 'safeguarding', schoolId: school, subjectPersonId: 'dsl' },
      staff,
      routing,
    );
    expect(aboutDsl).toEqual({ ok: true, recipientIds: ['deputy-dsl'] });
  });

  test('the rules are data: a school can send reputation reports to its admins instead', () => {
    const custom = { ...routing, reputationRoles: ['Admin' as const] };
    expect(recipientsFor({ audience: 'reputation', schoolId: school }, staff, custom)).toEqual({
      ok: true,
      recipientIds: ['admin'],
    });
  });

  test('a school with nobody to receive a report is told so, rather than the report going nowhere silently', () => {
    const r = recipientsFor(
      { audience: 'adult-conduct', schoolId: school, subjectPersonId: 'head' },
      staff,
      DEFAULT_ROUTING,
    );
    expect(r).toEqual({ ok: false, problem: expect.stringMatching(/No headteacher is set/) });
    const noChair = recipientsFor({ audience: 'adult-conduct', schoolId: school, subjectPersonId: 'head' }, staff, {
      ...routing,
      chairOfGovernorsId: undefined,
    });
    expect(noChair).toEqual({ ok: false, problem: expect.stringMatching(/No chair of governors/) });
    expect(recipientsFor({ audience: 'safeguarding', schoolId: 'school-c' }, staff, routing).ok).toBe(false);
  });
});

describe('retention', () => {
  const base = { safeguarding: true, adultConduct: false, reportedOn: '2026-11-21', otherRecordsYears: 6 };

  test('child-protection records are kept until date of birth + 25 years', () => {
    expect(retentionFor({ ...base, youngestPupilBornOn: '2013-03-14' })).toEqual({
      retentionCategory: 'child-protection',
      reviewOn: '2038-03-14',
    });
  });

  test('with only a year group, the latest possible birthday in that year is used', () => {
    // Year 9 in 2026/27 were born 1 Sep 2012 to 31 Aug 2013.
    expect(retentionFor({ ...base, youngestPupilYearGroup: 9 }).reviewOn).toBe('2038-08-31');
    // In July the academic year is the one that started the previous September.
    expect(retentionFor({ ...base, reportedOn: '2027-07-10', youngestPupilYearGroup: 9 }).reviewOn).toBe('2038-08-31');
    expect(retentionFor({ ...base, reportedOn: '2027-09-02', youngestPupilYearGroup: 9 }).reviewOn).toBe('2039-08-31');
  });

  test('with no age at all, the record is kept for 25 years from the report', () => {
    expect(retentionFor(base).reviewOn).toBe('2051-11-21');
  });

  test('allegations about staff are kept at least 10 years; other records for the configured period', () => {
    expect(retentionFor({ ...base, adultConduct: true })).toEqual({
      retentionCategory: 'allegation-against-staff',
      reviewOn: '2036-11-21',
    });
    expect(retentionFor({ ...base, safeguarding: false })).toEqual({
      retentionCategory: 'operational',
      reviewOn: '2032-11-21',
    });
  });
});

describe('chasing unread reports', () => {
  const reportedAt = '2026-11-21T09:00:00Z';
  const at = (iso: string) => new Date(iso);

  test('a school’s own intervals override the defaults, and the headteacher is never chased before the deputies', () => {
    expect(escalationFor(undefined)).toEqual(DEFAULT_ESCALATION);
    expect(escalationFor({ escalation: { deputiesAfterMinutes: 60 } })).toMatchObject({
      deputiesAfterMinutes: 60,
      headteacherAfterMinutes: DEFAULT_ESCALATION.headteacherAfterMinutes,
    });
    expect(escalationFor({ escalation: { deputiesAfterMinutes: 600 } }).headteacherAfterMinutes).toBe(600);
  });

  test('an unread report escalates to deputies, then to the headteacher', () => {
    const input = { reportedAt, urgent: false };
    expect(escalationStage(input, at('2026-11-21T10:59:00Z'), DEFAULT_ESCALATION)).toBe('none');
    expect(escalationStage(input, at('2026-11-21T11:00:00Z'), DEFAULT_ESCALATION)).toBe('deputies');
    expect(escalationStage(input, at('2026-11-21T17:00:00Z'), DEFAULT_ESCALATION)).toBe('headteacher');
  });

  test('urgent reports escalate within minutes', () => {
    expect(escalationStage({ reportedAt, urgent: true }, at('2026-11-21T09:16:00Z'), DEFAULT_ESCALATION)).toBe(
      'deputies',
    );
    expect(escalationStage({ reportedAt, urgent: true }, at('2026-11-21T09:31:00Z'), DEFAULT_ESCALATION)).toBe(
      'headteacher',
    );
  });

  test('once a DSL has read it, nothing is chased', () => {
    const read = { reportedAt, urgent: true, firstReadAt: '2026-11-21T09:05:00Z' };
    expect(escalationStage(read, at('2026-11-22T09:00:00Z'), DEFAULT_ESCALATION)).toBe('none');
    expect(nextEscalationAt(read, at('2026-11-21T09:06:00Z'), DEFAULT_ESCALATION)).toBeUndefined();
  });

  test('the scheduler is told when the next step falls due', () => {
    const input = { reportedAt, urgent: false };
    expect(nextEscalationAt(input, at('2026-11-21T09:30:00Z'), DEFAULT_ESCALATION)).toEqual(at('2026-11-21T11:00:00Z'));
    expect(nextEscalationAt(input, at('2026-11-21T12:00:00Z'), DEFAULT_ESCALATION)).toEqual(at('2026-11-21T17:00:00Z'));
    expect(nextEscalationAt(input, at('2026-11-21T18:00:00Z'), DEFAULT_ESCALATION)).toBeUndefined();
  });
});

describe('reference numbers', () => {
  test('look like INC-2026-0042, grow past four digits, and refuse nonsense', () => {
    expect(incidentReference(2026, 42)).toBe('INC-2026-0042');
    expect(incidentReference(2026, 12345)).toBe('INC-2026-12345');
    expect(() => incidentReference(2026, 0)).toThrow(RangeError);
  });
});

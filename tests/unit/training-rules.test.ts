import fc from 'fast-check';
import { checkRows, COMPLETION_FIELDS } from '../../src/domain/training/completion-import.ts';
import { mappingProblems, parseUkDate, suggestMapping } from '../../src/domain/imports/columns.ts';
import { filterRows, summarise, type StaffRow } from '../../src/domain/training/dashboard.ts';
import { addMonths, requirementFor, standing, type Standing } from '../../src/domain/training/status.ts';
import { neutraliseFormula } from '../../src/imports/spreadsheet.ts';

const today = '2026-11-22';
const yearly = { refresherMonths: 12, appliesFrom: '2020-09-01' };
const done = (completedOn: string, verified = true) => ({ completedOn, verified });

describe('training status rules', () => {
  test('completed, due soon within 30 days of expiry, overdue once expired', () => {
    expect(standing([done('2026-06-01')], yearly, today)).toMatchObject({
      status: 'completed',
      compliant: true,
      dueOn: '2027-06-01',
    });
    expect(standing([done('2025-12-10')], yearly, today)).toMatchObject({ status: 'due-soon', compliant: true });
    expect(standing([done('2025-11-22')], yearly, today)).toMatchObject({ status: 'due-soon', dueOn: today });
    expect(standing([done('2025-11-21')], yearly, today)).toMatchObject({
      status: 'overdue',
      compliant: false,
      neverCompleted: false,
      dueOn: '2026-11-21',
    });
  });

  test('a course with no refresher never expires; an explicit certificate expiry wins', () => {
    expect(standing([done('2015-01-01')], { appliesFrom: '2010-01-01' }, today).status).toBe('completed');
    expect(standing([{ ...done('2026-06-01'), expiresOn: '2026-12-01' }], yearly, today).status).toBe('due-soon');
  });

  test('the completion lasting longest decides, whatever order they come in', () => {
    expect(standing([done('2026-06-01'), done('2024-01-01')], yearly, today).status).toBe('completed');
    expect(standing([done('2024-01-01'), done('2026-06-01')], yearly, today).status).toBe('completed');
  });

  test('new starters have a grace period; after it, never starting is overdue', () => {
    const starter = { refresherMonths: 12, appliesFrom: '2026-11-01' };
    expect(standing([], starter, today)).toMatchObject({
      status: 'not-started',
      neverCompleted: true,
      dueOn: '2026-12-01',
    });
    expect(standing([], starter, '2026-12-02')).toMatchObject({ status: 'overdue', neverCompleted: true });
    expect(standing([], starter, today, { dueSoonDays: 30, graceDays: 10 }).status).toBe('overdue');
  });

  test('a self-declaration does not count until HR verifies it', () => {
    expect(standing([done('2026-11-01', false)], yearly, today)).toMatchObject({
      status: 'awaiting-verification',
      compliant: false,
      neverCompleted: false,
    });
    expect(standing([done('2026-11-01', false), done('2026-11-02')], yearly, today).status).toBe('completed');
  });

  test('months are calendar months, clamped at the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-22', 12)).toBe('2027-11-22');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  test('every status is exactly one of compliant or not, and overdue is never compliant', () => {
    const day = fc
      .integer({ min: 0, max: 4000 })
      .map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ completedOn: day, verified: fc.boolean() }), { maxLength: 4 }),
        day,
        day,
        (completions, from, on) => {
          const s = standing(completions, { refresherMonths: 12, appliesFrom: from }, on);
          expect(s.compliant).toBe(s.status === 'completed' || s.status === 'due-soon');
          if (completions.some((c) => c.verified)) expect(s.neverCompleted).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a course applies by role, and a school-only course only at that school', () => {
    const staff = { schoolId: 'a', roles: ['Staff' as const], startedOn: '2020-09-01' };
    expect(requirementFor({ requiredForRoles: ['Staff'] }, staff)?.because).toBe('role');
    expect(requirementFor({ requiredForRoles: ['Admin'] }, staff)).toBeUndefined();
    expect(requirementFor({ schoolId: 'b', requiredForRoles: ['Staff'] }, staff)).toBeUndefined();
  });

  test('running an account calls for the runners’ course whatever the role, from the day the duty began', () => {
    const moderator = { requiredForRoles: ['Admin' as const], requiredForAccountRunners: true, refresherMonths: 24 };
    const teacher = { schoolId: 'a', roles: ['Staff' as const], startedOn: '2020-09-01' };
    expect(requirementFor(moderator, teacher)).toBeUndefined();
    const runner = requirementFor(moderator, { ...teacher, runsAccountSince: '2026-11-01' });
    expect(runner).toEqual({ because: 'account', appliesFrom: '2026-11-01', refresherMonths: 24 });
    // New duty, new grace period: not overdue the day after they start running the account.
    expect(standing([], runner!, '2026-11-22').status).toBe('not-started');
    // Someone who joined after taking it on (an application named them before they started) counts from their start.
    expect(
      requirementFor(moderator, { ...teacher, startedOn: '2026-11-10', runsAccountSince: '2026-11-01' })?.appliesFrom,
    ).toBe('2026-11-10');
    // A course held by role is held by role, even for a runner.
    expect(
      requirementFor({ ...moderator, requiredForRoles: ['Staff'] }, { ...teacher, runsAccountSince: '2026-11-01' })
        ?.because,
    ).toBe('role');
    expect(
      requirementFor({ ...moderator, schoolId: 'b' }, { ...teacher, runsAccountSince: '2026-11-01' }),
    ).toBeUndefined();
  });
});

describe('dashboard figures and filters', () => {
  const s = (status: Standing['status'], extra: Partial<Standing> = {}): Standing => ({
    status,
    compliant: status === 'completed' || status === 'due-soon',
    neverCompleted: false,
    ...extra,
  });
  const row = (id: string, department: string, standings: (Standing | null)[]): StaffRow => ({
    personId: id,
    name: `Person ${id}`,
    upn: `${id}@example.sch.uk`,
    schoolId: 'a',
    schoolName: 'A School',
    department,
    jobTitle: 'Teacher',
    roles: ['Staff'],
    standings,
  });
  const columns = [
    { id: 'policy', title: 'Policy' },
    { id: 'moderator', title: 'Moderator' },
  ];
  const rows = [
    row('1', 'Maths', [s('completed'), null]),
    row('2', 'Maths', [s('overdue', { neverCompleted: true }), null]),
    row('3', 'PE', [s('due-soon'), s('completed')]),
    row('4', 'PE', [s('completed'), s('awaiting-verification')]),
  ];

  test('headline figures per requirement and overall', () => {
    const summary = summarise(columns, rows);
    expect(summary.overall).toEqual({
      people: 4,
      compliant: 2,
      percentCompliant: 50,
      overdue: 1,
      expiringSoon: 1,
      neverCompleted: 1,
      awaitingVerification: 1,
    });
    expect(summary.byRequirement[1]).toMatchObject({ id: 'moderator', people: 2, compliant: 1, percentCompliant: 50 });
    expect(summary.byGroup).toEqual([
      { schoolName: 'A School', department: 'Maths', people: 2, compliant: 1, overdue: 1 },
      { schoolName: 'A School', department: 'PE', people: 2, compliant: 1, overdue: 0 },
    ]);
  });

  test('99.6% compliant shows as 99, never 100', () => {
    const many = Array.from({ length: 250 }, (_, i) => row(String(i), 'X', [s(i === 0 ? 'overdue' : 'completed')]));
    expect(summarise([columns[0]!], many).overall.percentCompliant).toBe(99);
  });

  test('filters combine: status on one requirement, department, search', () => {
    expect(filterRows(columns, rows, { status: 'overdue' }).map((r) => r.personId)).toEqual(['2']);
    expect(filterRows(columns, rows, { requirementId: 'moderator' }).map((r) => r.personId)).toEqual(['3', '4']);
    expect(
      filterRows(columns, rows, { requirementId: 'moderator', status: 'completed' }).map((r) => r.personId),
    ).toEqual(['3']);
    expect(filterRows(columns, rows, { department: 'PE', search: 'person 4' }).map((r) => r.personId)).toEqual(['4']);
  });
});

describe('importing completions', () => {
  test('UK dates, day first; impossible dates refused', () => {
    expect(parseUkDate('02/03/2026')).toBe('2026-03-02');
    expect(parseUkDate('2.3.2026')).toBe('2026-03-02');
    expect(parseUkDate('2026-03-02')).toBe('2026-03-02');
    expect(parseUkDate('2 March 2026')).toBe('2026-03-02');
    expect(parseUkDate('29/02/2026')).toBeUndefined();
    expect(parseUkDate('13/13/2026')).toBeUndefined();
    expect(parseUkDate('yesterday')).toBeUndefined();
  });

  test('columns map themselves from providers’ usual headings, and gaps are named', () => {
    expect(suggestMapping(COMPLETION_FIELDS, ['Course Title', 'Username', 'Expiry Date', 'Completion Date'])).toEqual({
      course: 0,
      email: 1,
      expiresOn: 2,
      completedOn: 3,
    });
    expect(mappingProblems(COMPLETION_FIELDS, { email: 0, course: 0 }, 2)).toEqual([
      'Choose the column that holds “Date completed”',
      'Each column can be used for one field only',
    ]);
  });

  test('each bad row says which row and why; repeats count once; blank lines are skipped', () => {
    const context = {
      personByEmail: new Map([['a@x.uk', 'p1']]),
      courseByTitle: new Map([['moderator', 'c1']]),
      today: '2026-11-22',
    };
    const mapping = { email: 0, course: 1, completedOn: 2, expiresOn: 3 };
    const result = checkRows(
      [
        ['A@x.uk', 'Moderator', '01/11/2026', ''],
        ['a@x.uk', 'moderator', '1/11/2026', ''],
        ['', '', '', ''],
        ['a@x.uk', 'Moderator', '01/12/2026', ''],
        ['a@x.uk', 'Moderator', '01/11/2026', '01/10/2026'],
        ['', 'Cooking', 'soon', ''],
      ],
      mapping,
      context,
    );
    expect(result.good).toEqual([{ row: 2, personId: 'p1', courseId: 'c1', completedOn: '2026-11-01' }]);
    expect(result.duplicates).toBe(1);
    expect(result.bad).toEqual([
      { row: 5, problems: ['the completion date 2026-12-01 is in the future'] },
      { row: 6, problems: ['the expiry date is not after the completion date'] },
      {
        row: 7,
        problems: [
          'the staff email is empty',
          'there is no course called “Cooking”',
          '“soon” is not a date (use day/month/year)',
        ],
      },
    ]);
  });
});

describe('spreadsheet exports', () => {
  test('anything a spreadsheet would run is neutralised; ordinary text is untouched', () => {
    for (const risky of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd']) {
      expect(neutraliseFormula(risky)).toBe(`'${risky}`);
    }
    for (const safe of ['Jordan Ellery', '2026-11-22', "O'Neill", 'a=b']) expect(neutraliseFormula(safe)).toBe(safe);
  });
});

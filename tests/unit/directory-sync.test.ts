import { entryFromEntraUser, planDirectorySync, type KnownPerson } from '../../src/domain/people/directory-sync.ts';
import { checkStaffRows, STAFF_FIELDS } from '../../src/domain/people/staff-import.ts';
import { suggestMapping } from '../../src/domain/imports/columns.ts';

const person = (id: string, extra: Partial<KnownPerson> = {}): KnownPerson => ({
  id,
  upn: `${id}@example.sch.uk`,
  schoolId: 'a',
  givenName: 'Given',
  surname: id,
  department: 'Maths',
  jobTitle: 'Teacher',
  staffType: 'teacher',
  active: true,
  roles: [{ role: 'Staff', schoolId: 'a' }],
  ...extra,
});
const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  email: `${id}@example.sch.uk`,
  givenName: 'Given',
  surname: id,
  department: 'Maths',
  jobTitle: 'Teacher',
  schoolId: 'a',
  staffType: 'teacher' as const,
  ...extra,
});

describe('bringing the directory up to date', () => {
  const known = [person('amy'), person('ben'), person('cal'), person('dee', { active: false })];

  test('joiners, changes and the unchanged; nobody leaves unless the list is complete', () => {
    const plan = planDirectorySync(known, [
      entry('amy'),
      entry('ben', { department: 'PE' }),
      entry('dee'),
      entry('eve'),
    ]);
    expect(plan.joiners.map((j) => j.email)).toEqual(['eve@example.sch.uk']);
    expect(plan.changed).toEqual([
      { personId: 'ben', changes: { department: 'PE' } },
      { personId: 'dee', changes: { active: true } },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.leavers).toEqual([]);
  });

  test('with a full list, the missing have left; a disabled account has left; the importer is never removed', () => {
    const plan = planDirectorySync(known, [entry('amy', { enabled: false }), entry('ben')], {
      fullListFor: ['a'],
      protectedIds: new Set(['cal']),
    });
    expect(plan.leavers).toEqual([{ personId: 'amy', reason: 'disabled' }]);
    const full = planDirectorySync(known, [entry('ben')], { fullListFor: ['a'] });
    expect(full.leavers.map((l) => l.personId).sort()).toEqual(['amy', 'cal']);
    // Another school's staff are not in this list, so they have not left.
    expect(planDirectorySync([person('zed', { schoolId: 'b' })], [], { fullListFor: ['a'] }).leavers).toEqual([]);
  });

  test('an Entra id follows a person through a change of name and email', () => {
    const plan = planDirectorySync(
      [person('amy', { aadObjectId: 'guid-1' })],
      [entry('amy.married', { aadObjectId: 'guid-1', surname: 'Married' })],
    );
    expect(plan.joiners).toEqual([]);
    expect(plan.changed[0]).toMatchObject({ personId: 'amy', changes: { surname: 'Married' } });
  });
});

describe('reading a staff list', () => {
  test('headings map themselves; bad rows say why; types and UK dates are understood', () => {
    const headers = ['Forename', 'Surname', 'Email address', 'Department', 'Job title', 'Staff type', 'Start date'];
    const mapping = suggestMapping(STAFF_FIELDS, headers);
    expect(mapping).toEqual({
      givenName: 0,
      surname: 1,
      email: 2,
      department: 3,
      jobTitle: 4,
      staffType: 5,
      startedOn: 6,
    });
    const result = checkStaffRows(
      [
        ['Ada', 'Lane', 'Ada.Lane@example.sch.uk', 'Science', 'Technician', 'Non-teaching', '01/09/2025'],
        ['Bo', '', 'not-an-email', '', '', 'Wizard', '31/09/2025'],
        ['Ada', 'Lane', 'ada.lane@example.sch.uk', 'Science', 'Technician', 'Support', ''],
      ],
      mapping,
      { schoolByName: new Map(), defaultSchoolId: 'a', today: '2026-11-22' },
    );
    expect(result.good).toEqual([
      {
        row: 2,
        email: 'ada.lane@example.sch.uk',
        givenName: 'Ada',
        surname: 'Lane',
        department: 'Science',
        jobTitle: 'Technician',
        schoolId: 'a',
        staffType: 'support',
        startedOn: '2025-09-01',
      },
    ]);
    expect(result.duplicates).toBe(1);
    expect(result.bad).toEqual([
      {
        row: 3,
        problems: [
          '“not-an-email” is not an email address',
          'the last name is empty',
          '“Wizard” is not a staff type (teacher, support, governor, volunteer)',
          '“31/09/2025” is not a date (use day/month/year)',
        ],
      },
    ]);
  });
});

describe('Entra users as directory entries', () => {
  const schools = new Map([['oakfield primary school', 'a']]);
  test('school from companyName, names and type mapped, disabled accounts are leavers', () => {
    const entry = entryFromEntraUser(
      {
        id: 'guid-9',
        userPrincipalName: 'Rhea.Quarrie@example.sch.uk',
        mail: null,
        displayName: 'Rhea Quarrie',
        department: 'Office',
        companyName: 'Oakfield Primary School',
        employeeType: 'Support staff',
        accountEnabled: false,
      },
      schools,
    );
    expect(entry).toEqual({
      email: 'rhea.quarrie@example.sch.uk',
      givenName: 'Rhea',
      surname: 'Quarrie',
      department: 'Office',
      jobTitle: 'Staff member',
      schoolId: 'a',
      staffType: 'support',
      aadObjectId: 'guid-9',
      enabled: false,
    });
    const plan = planDirectorySync([person('rhea', { aadObjectId: 'guid-9' })], [entry!]);
    expect(plan.leavers).toEqual([{ personId: 'rhea', reason: 'disabled' }]);
  });

  test('accounts belonging to no school of ours are ignored', () => {
    expect(entryFromEntraUser({ id: 'x', userPrincipalName: 'scanner@example.sch.uk' }, schools)).toBeUndefined();
  });
});

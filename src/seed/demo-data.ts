import type { Role } from '../domain/roles.ts';
import type { Data } from '../store/kinds.ts';

/**
 * The demo trust: invented people only. Generated from a fixed seed so every machine gets
 * the same directory, and with fixed ids so seeding twice changes nothing.
 */

export const DEMO_TRUST_ID = 'trust-demo';
export const DEMO_SCHOOLS = {
  primary: 'school-oakfield',
  secondary: 'school-riverside',
} as const;

/**
 * The Microsoft 365 Agents Playground's built-in test users (placeholder ids, not real accounts).
 * The demo personas carry them as their Entra object ids, so chatting in the Playground as its
 * current user is chatting as the demo member of staff, and the other users are the other roles.
 */
export const PLAYGROUND_USER_IDS: Record<Role, string> = {
  Staff: '00000000-0000-0000-0000-0000000000020',
  DSL: '00000000-0000-0000-0000-0000000000021',
  SLT: '00000000-0000-0000-0000-0000000000022',
  HR: '00000000-0000-0000-0000-0000000000023',
  Admin: '00000000-0000-0000-0000-0000000000024',
};

/** The people the dev sign-in offers, one per role, all at the primary school. */
export const DEMO_PERSONAS: Record<Role, string> = {
  Staff: 'person-demo-staff',
  SLT: 'person-demo-slt',
  DSL: 'person-demo-dsl',
  HR: 'person-demo-hr',
  Admin: 'person-demo-admin',
};

const GIVEN = [
  'Amara',
  'Ben',
  'Carys',
  'Dev',
  'Elin',
  'Finlay',
  'Grace',
  'Hamza',
  'Isla',
  'Jonah',
  'Keira',
  'Leon',
  'Maya',
  'Niall',
  'Orla',
  'Pavel',
  'Rhea',
  'Soren',
  'Tegan',
  'Umar',
  'Vera',
  'Wyn',
  'Yasmin',
  'Zac',
];
const FAMILY = [
  'Ashworth',
  'Bramley',
  'Castell',
  'Dunmore',
  'Everleigh',
  'Fenwick',
  'Garside',
  'Holloway',
  'Inchbold',
  'Jarrow',
  'Kettering',
  'Lindqvist',
  'Marchetti',
  'Northcott',
  'Okafor',
  'Pemberton',
  'Quarrie',
  'Rowntree',
  'Sandoval',
  'Thackeray',
  'Ulverston',
  'Varley',
  'Westbrook',
  'Yardley',
];

const DEPARTMENTS = {
  [DEMO_SCHOOLS.primary]: ['Early Years', 'Key Stage 1', 'Key Stage 2', 'Inclusion', 'Office', 'Site team'],
  [DEMO_SCHOOLS.secondary]: ['English', 'Maths', 'Science', 'Humanities', 'PE', 'Computing', 'Pastoral', 'Office'],
} as const;

/** Small deterministic PRNG (mulberry32), so the demo directory is the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type PersonData = Data<'people'>;

function person(
  id: string,
  schoolId: string,
  givenName: string,
  surname: string,
  extra: Partial<PersonData> & Pick<PersonData, 'department' | 'jobTitle'>,
  roles: Role[],
): [string, PersonData] {
  const upn = `${givenName}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '') + '@demo.example.sch.uk';
  return [
    id,
    {
      trustId: DEMO_TRUST_ID,
      schoolId,
      upn,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      staffType: 'teacher',
      startedOn: '2021-09-01',
      active: true,
      ...extra,
      roles: roles.map((role) => ({ role, schoolId })),
    },
  ];
}

export function demoPeople(): [string, PersonData][] {
  const p = DEMO_SCHOOLS.primary;
  const s = DEMO_SCHOOLS.secondary;
  const fixed: [string, PersonData][] = [
    person(DEMO_PERSONAS.Staff, p, 'Jordan', 'Ellery', { department: 'Key Stage 2', jobTitle: 'Class teacher' }, [
      'Staff',
    ]),
    person(DEMO_PERSONAS.SLT, p, 'Priya', 'Whitlock', { department: 'Leadership', jobTitle: 'Deputy headteacher' }, [
      'Staff',
      'SLT',
    ]),
    person(
      DEMO_PERSONAS.DSL,
      p,
      'Morgan',
      'Hale',
      { department: 'Inclusion', jobTitle: 'Designated safeguarding lead' },
      ['Staff', 'DSL'],
    ),
    person(
      DEMO_PERSONAS.Admin,
      p,
      'Casey',
      'Brennan',
      { department: 'Office', jobTitle: 'Communications officer', staffType: 'support' },
      ['Staff', 'Admin'],
    ),
    person('person-oak-head', p, 'Harriet', 'Osei', { department: 'Leadership', jobTitle: 'Headteacher' }, [
      'Staff',
      'SLT',
    ]),
    person('person-oak-deputy-dsl', p, 'Rowan', 'Achebe', { department: 'Key Stage 1', jobTitle: 'Deputy DSL' }, [
      'Staff',
      'DSL',
    ]),
    person(
      'person-oak-chair',
      p,
      'Gideon',
      'Marlowe',
      { department: 'Governors', jobTitle: 'Chair of governors', staffType: 'governor' },
      ['Staff'],
    ),
    person('person-river-head', s, 'Imogen', 'Stroud', { department: 'Leadership', jobTitle: 'Headteacher' }, [
      'Staff',
      'SLT',
    ]),
    person(
      'person-river-dsl',
      s,
      'Tobias',
      'Reyes',
      { department: 'Pastoral', jobTitle: 'Designated safeguarding lead' },
      ['Staff', 'DSL'],
    ),
    person(
      'person-river-admin',
      s,
      'Nadia',
      'Farrant',
      { department: 'Office', jobTitle: 'Marketing officer', staffType: 'support' },
      ['Staff', 'Admin'],
    ),
  ];
  // HR works across the trust, so it holds the role at both schools.
  const [hrId, hr] = person(
    DEMO_PERSONAS.HR,
    p,
    'Dana',
    'Fairbrook',
    { department: 'Trust HR', jobTitle: 'HR manager', staffType: 'support' },
    ['Staff', 'HR'],
  );
  hr.roles.push({ role: 'Staff', schoolId: s }, { role: 'HR', schoolId: s });
  fixed.push([hrId, hr]);

  const rand = random(20260901);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const used = new Set(fixed.map(([, d]) => d.displayName));
  const generated: [string, PersonData][] = [];
  for (let i = 1; generated.length < 50; i++) {
    const schoolId = i % 2 ? p : s;
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    if (used.has(`${given} ${family}`)) continue;
    used.add(`${given} ${family}`);
    const department = pick(DEPARTMENTS[schoolId]);
    const support = department === 'Office' || department === 'Site team' || rand() < 0.15;
    const startedYear = 2012 + Math.floor(rand() * 14);
    generated.push(
      person(
        `person-${String(i).padStart(3, '0')}`,
        schoolId,
        given,
        family,
        {
          department,
          jobTitle: support ? 'Teaching assistant' : schoolId === p ? 'Class teacher' : `${department} teacher`,
          staffType: support ? 'support' : 'teacher',
          startedOn: `${startedYear}-09-01`,
        },
        ['Staff'],
      ),
    );
  }
  for (const [role, personId] of Object.entries(DEMO_PERSONAS) as [Role, string][]) {
    const persona = fixed.find(([id]) => id === personId);
    if (persona) persona[1].aadObjectId = PLAYGROUND_USER_IDS[role];
  }
  return [...fixed, ...generated];
}

export const DEMO_COURSES: [string, Data<'courses'>][] = [
  [
    'course-policy',
    {
      trustId: DEMO_TRUST_ID,
      title: 'Social media policy',
      refresherMonths: 12,
      requiredForRoles: ['Staff'],
      requiredForAccountRunners: true,
    },
  ],
  [
    'course-online-safety',
    { trustId: DEMO_TRUST_ID, title: 'Online safety annual update', refresherMonths: 12, requiredForRoles: ['Staff'] },
  ],
  [
    'course-dsl',
    {
      trustId: DEMO_TRUST_ID,
      title: 'Designated safeguarding lead training',
      refresherMonths: 24,
      requiredForRoles: ['DSL'],
    },
  ],
  [
    'course-moderator',
    {
      trustId: DEMO_TRUST_ID,
      title: 'Account moderator',
      refresherMonths: 24,
      requiredForRoles: ['Admin'],
      requiredForAccountRunners: true,
    },
  ],
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A realistic spread of training: most staff current, some expiring within the month, some
 * overdue, a few never trained. Dates are relative to `today` so the dashboard always has
 * something to chase.
 */
export function demoTrainingRecords(people: [string, PersonData][], today: Date): [string, Data<'trainingRecords'>][] {
  const rand = random(7);
  const records: [string, Data<'trainingRecords'>][] = [];
  for (const [personId, data] of people) {
    for (const [courseId, course] of DEMO_COURSES) {
      const required = course.requiredForRoles.some((role) => data.roles.some((r) => r.role === role));
      if (!required) continue;
      const roll = rand();
      if (roll < 0.12) continue; // never completed
      const months = course.refresherMonths ?? 12;
      // A quarter lapsed; the rest spread across their refresher period, so some expire this month.
      const daysAgo = Math.floor(roll < 0.25 ? months * 31 + rand() * 150 : rand() * months * 30);
      const completed = new Date(today.getTime() - daysAgo * 86_400_000);
      records.push([
        `training-${personId}-${courseId}`,
        {
          personId,
          courseId,
          schoolId: data.schoolId,
          completedOn: isoDay(completed),
          source: 'hr',
          verified: true,
          retentionCategory: 'training',
        },
      ]);
    }
  }
  return records;
}

/** When the demo policy was published: long enough ago that not having read it is overdue. */
export const DEMO_POLICY_PUBLISHED_DAYS_AGO = 60;

/**
 * Most generated staff have confirmed reading the demo policy. The named demo people have not,
 * so each role can try the confirmation for themselves.
 */
export function demoAcknowledgements(
  people: [string, PersonData][],
  today: Date,
): [string, Data<'acknowledgements'>][] {
  const rand = random(11);
  return people
    .filter(([id]) => /^person-\d+$/.test(id))
    .filter(() => rand() < 0.78)
    .map(([personId, data]) => {
      const versionId = `policy-${data.schoolId}-v1`;
      const at = new Date(today.getTime() - Math.floor(rand() * (DEMO_POLICY_PUBLISHED_DAYS_AGO - 1)) * 86_400_000);
      return [
        `ack-${personId}-${versionId}`,
        {
          personId,
          schoolId: data.schoolId,
          policyVersionId: versionId,
          versionNumber: 1,
          at: at.toISOString(),
          retentionCategory: 'training',
        },
      ];
    });
}

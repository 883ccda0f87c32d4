import { jest } from '@jest/globals';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

jest.setTimeout(60_000);
let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.stop());

async function post(path: string, body: unknown, personId = DEMO_PERSONAS.HR) {
  return app.post(`/api/v1${path}`, body, await app.signIn(personId));
}

describe('importing the staff list (embedded mode)', () => {
  const header = 'First name,Last name,Email,Department,Job title,School,Staff type,Start date';
  const joiner =
    'Tamsin,Oduya,tamsin.oduya@demo.example.sch.uk,Key Stage 1,Class teacher,Oakfield Primary School,Teacher,01/09/2026';

  test('a full list: joiners are added as staff, the missing are marked as left, and the preview said so first', async () => {
    const oakfield = await app.app.services.store.people.listAll({
      where: { schoolId: 'school-oakfield', active: true },
    });
    const keep = oakfield.filter((p) => p.id !== 'person-oak-chair');
    const lines = keep.map(
      (p) =>
        `${p.givenName},${p.surname},${p.upn},${p.department},${p.jobTitle},Oakfield Primary School,${p.staffType},`,
    );
    const csv = [header, ...lines, joiner].join('\n');
    const account = await app.app.services.store.socialAccounts.create({
      schoolId: 'school-oakfield',
      platform: 'Facebook',
      handle: 'Oakfield Governors',
      url: 'https://www.facebook.com/oakfieldgovernors',
      leadId: 'person-oak-chair',
      moderatorIds: ['person-oak-chair', DEMO_PERSONAS.Staff],
      status: 'active',
      createdOn: '2026-09-01',
    });

    const preview = (await (await post('/directory/imports/preview', { csv, fullList: true })).json()) as {
      notes: string[];
      bad: unknown[];
    };
    expect(preview.bad).toEqual([]);
    expect(preview.notes).toEqual([
      `1 will join, 0 will be updated, ${keep.length} are unchanged.`,
      expect.stringMatching(/^1 not in the file will be marked as having left: .+\. Their records are kept\.$/),
    ]);
    const res = await post('/directory/imports', { csv, fullList: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ joined: 1, updated: 0, left: 1 });

    const { store } = app.app.services;
    const chair = await store.people.require('person-oak-chair');
    expect(chair).toMatchObject({ active: false });
    expect(chair.leavingOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The account the leaver led needs a handover, and its administrators have been asked.
    expect(await store.socialAccounts.require(account.id)).toMatchObject({
      status: 'transfer-needed',
      handover: { leaverIds: ['person-oak-chair'] },
    });
    const [tamsin] = (await store.people.list({ where: { upn: 'tamsin.oduya@demo.example.sch.uk' } })).items;
    expect(tamsin).toMatchObject({
      schoolId: 'school-oakfield',
      roles: [{ role: 'Staff', schoolId: 'school-oakfield' }],
    });
    // The dashboard shows the joiner, and no longer the leaver.
    const dashboard = (await (
      await app.get('/api/v1/training/dashboard', await app.signIn(DEMO_PERSONAS.HR))
    ).json()) as { rows: { personId: string }[] };
    expect(dashboard.rows.some((r) => r.personId === tamsin!.id)).toBe(true);
    expect(dashboard.rows.some((r) => r.personId === 'person-oak-chair')).toBe(false);
  });

  test('bad rows stop the import until confirmed; staff outside your schools are refused', async () => {
    const csv = [header, joiner.replace('tamsin.oduya', 'rhys.pell'), 'Nobody,,not-an-email,,,,,'].join('\n');
    const before = (await app.app.services.store.people.listAll()).length;
    const refused = await post('/directory/imports', { csv });
    expect(refused.status).toBe(422);
    expect((await app.app.services.store.people.listAll()).length).toBe(before);
    const done = await post('/directory/imports', { csv, acceptBadRows: true });
    expect(await done.json()).toMatchObject({ joined: 1, skippedBadRows: [3] });
    expect((await post('/directory/imports', { csv }, DEMO_PERSONAS.Staff)).status).toBe(403);
    const slt = await post(
      '/directory/imports/preview',
      { csv: [header, joiner.replace('Oakfield Primary School', 'Riverside Academy')].join('\n') },
      DEMO_PERSONAS.SLT,
    );
    const body = (await slt.json()) as { bad: { row: number; problems: string[] }[] };
    expect(body.bad).toEqual([{ row: 2, problems: ['“Riverside Academy” is not a school you manage staff for'] }]);
  });
});

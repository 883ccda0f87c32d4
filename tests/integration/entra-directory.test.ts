import { jest } from '@jest/globals';
import { entryFromEntraUser, planDirectorySync } from '../../src/domain/people/directory-sync.ts';
import { applyDirectoryPlan } from '../../src/people/apply-directory-plan.ts';
import { syncFromEntra } from '../../src/people/entra-directory.ts';
import { DuplicateError } from '../../src/store/errors.ts';
import { entraTestUser as user, fakeEntraGraph as fakeGraph } from '../helpers/entra-graph.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

jest.setTimeout(60_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

test('Entra users page by page become the staff directory: joiners, changes, disabled and removed accounts', async () => {
  const { store } = app.app.services;
  const everyone = await store.people.listAll({ where: { active: true } });
  // The tenant lists everyone the hub knows, except one removed account, with changes and newcomers.
  const users = everyone
    .filter((p) => p.id !== 'person-oak-chair')
    .map((p) =>
      user(p.aadObjectId ?? `guid-${p.id}`, p.displayName, {
        userPrincipalName: p.upn,
        department: p.id === 'person-demo-staff' ? 'Key Stage 1' : p.department,
        jobTitle: p.jobTitle,
        employeeType: p.staffType,
        companyName: p.schoolId === 'school-oakfield' ? 'Oakfield Primary School' : 'Riverside Academy',
        accountEnabled: p.id !== 'person-river-admin',
      }),
    );
  users.push(user('guid-new-1', 'Ottilie Brandt'), user('guid-printer', 'Print Room', { companyName: null }));
  const graph = await fakeGraph(users, 25);
  try {
    const result = await syncFromEntra(app.app.services, graph.client(), 'companyName');
    expect(result).toMatchObject({ users: users.length, joined: 1, left: 2 });
    // Several pages were read, after one throttled attempt, asking only for the fields used.
    expect(graph.requests.length).toBeGreaterThanOrEqual(Math.ceil(users.length / 25) + 1);
    expect(graph.requests[0]).toMatch(/\$select=id,userPrincipalName,mail,.*accountEnabled/);
    expect(graph.requests[0]).toContain('$top=999');

    expect(await store.people.require('person-oak-chair')).toMatchObject({ active: false });
    expect(await store.people.require('person-river-admin')).toMatchObject({ active: false });
    expect(await store.people.require('person-demo-staff')).toMatchObject({ department: 'Key Stage 1', active: true });
    const [newcomer] = (await store.people.list({ where: { aadObjectId: 'guid-new-1' } })).items;
    expect(newcomer).toMatchObject({ displayName: 'Ottilie Brandt', schoolId: 'school-oakfield' });
    expect(newcomer!.roles).toEqual([{ role: 'Staff', schoolId: 'school-oakfield' }]);
    const audit = await store.audit.listAll({ where: { targetId: 'directory' } });
    expect(audit.at(-1)).toMatchObject({ actorId: 'entra-directory-sync', detail: { source: 'entra', joined: 1 } });
  } finally {
    await graph.close();
  }
});

test('a directory that names none of our schools, or would empty the hub, changes nothing', async () => {
  const graph = await fakeGraph([user('guid-x', 'Solo Person', { companyName: 'Somewhere Else' })], 25);
  try {
    await expect(syncFromEntra(app.app.services, graph.client(), 'companyName')).rejects.toThrow(
      /None of the 1 Entra users names one of the schools/,
    );
  } finally {
    await graph.close();
  }
  const lonely = await fakeGraph([user('guid-y', 'Only One')], 25);
  try {
    await expect(syncFromEntra(app.app.services, lonely.client(), 'companyName')).rejects.toThrow(
      /would mark \d+ of \d+ staff as having left; nothing was changed/,
    );
    await expect(syncFromEntra(app.app.services, lonely.client('forged'), 'companyName')).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
  } finally {
    await lonely.close();
  }
  expect((await app.app.services.store.people.listAll({ where: { active: true } })).length).toBeGreaterThan(50);
});

test('two instances that planned the same sync from the same read add each newcomer once', async () => {
  const { services } = app.app;
  const known = await services.store.people.listAll();
  const schools = await services.store.schools.listAll();
  const entry = entryFromEntraUser(
    user('guid-twin', 'Tamsin Okoro'),
    new Map([['oakfield primary school', 'school-oakfield']]),
  )!;
  const plan = planDirectorySync(known, [entry]);
  expect(plan.joiners).toHaveLength(1);
  await applyDirectoryPlan(services, 'instance-1', plan, known, schools, {});
  // The second instance's commit, planned before the first landed, is refused whole.
  await expect(applyDirectoryPlan(services, 'instance-2', plan, known, schools, {})).rejects.toBeInstanceOf(
    DuplicateError,
  );
  expect(await services.store.people.listAll({ where: { aadObjectId: 'guid-twin' } })).toHaveLength(1);
});

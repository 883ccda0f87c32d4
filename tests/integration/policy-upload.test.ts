import { jest } from '@jest/globals';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/** Publishing a new policy version from the tab's API: senior leaders only, and bad files explained. */
jest.setTimeout(60_000);
let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.stop());

const publish = async (personId: string, fileName: string, text: string | Buffer) =>
  app.post(
    '/api/v1/policy/versions',
    { fileName, content: Buffer.from(text).toString('base64') },
    await app.signIn(personId),
  );
const problem = async (res: Response) =>
  ((await res.json()) as { error: { details?: { field: string; problem: string }[] } }).error.details?.[0]?.problem;

test('a senior leader publishes a Markdown policy as the next version; the earlier one stays readable', async () => {
  const policy = '# Social media\n\n## Personal accounts\n\nNever accept friend requests from pupils or ex-pupils.\n';
  const res = await publish(DEMO_PERSONAS.SLT, 'policy-2027.md', policy);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ versionNumber: 2, sections: expect.any(Number) });
  const current = (await (await app.get('/api/v1/policy', await app.signIn(DEMO_PERSONAS.Staff))).json()) as {
    versionNumber: number;
    versions: number[];
  };
  expect(current).toMatchObject({ versionNumber: 2, versions: [2, 1] });
  const earlier = await app.get('/api/v1/policy?version=1', await app.signIn(DEMO_PERSONAS.Staff));
  expect(((await earlier.json()) as { versionNumber: number }).versionNumber).toBe(1);
  const audit = await app.app.services.store.audit.listAll({ where: { actorId: DEMO_PERSONAS.SLT } });
  expect(audit.map((a) => a.action)).toContain('policy.imported');
});

test('only senior leaders publish, and unreadable, empty or unsupported files are explained beside the field', async () => {
  const versions = async () =>
    ((await (await app.get('/api/v1/policy', await app.signIn(DEMO_PERSONAS.Staff))).json()) as { versions: number[] })
      .versions;
  const before = await versions();
  expect((await publish(DEMO_PERSONAS.Staff, 'policy.md', '# A policy\n\nText.')).status).toBe(403);
  expect((await publish(DEMO_PERSONAS.HR, 'policy.md', '# A policy\n\nText.')).status).toBe(403);
  const wrongType = await publish(DEMO_PERSONAS.SLT, 'policy.odt', 'not supported');
  expect(wrongType.status).toBe(400);
  expect(await problem(wrongType)).toMatch(/\.docx, \.pdf, \.md or \.txt/);
  const garbage = await publish(DEMO_PERSONAS.SLT, 'policy.docx', Buffer.from('this is not a Word file'));
  expect(garbage.status).toBe(400);
  expect(await problem(garbage)).toMatch(/could not be read as a docx file/);
  const empty = await publish(DEMO_PERSONAS.SLT, 'policy.txt', '   \n  ');
  expect(empty.status).toBe(400);
  const notBase64 = await app.post(
    '/api/v1/policy/versions',
    { fileName: 'policy.md', content: '%%% not base64 %%%' },
    await app.signIn(DEMO_PERSONAS.SLT),
  );
  expect(notBase64.status).toBe(400);
  // None of these made a version.
  expect(await versions()).toEqual(before);
});

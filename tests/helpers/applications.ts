import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import type { TestApp } from './app.ts';

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/** These staff have read the current policy and hold, in date, every course account runners need. */
export async function makeRunnersReady(app: TestApp, personIds: string[]): Promise<void> {
  const { store } = app.app.services;
  const courses = (await store.courses.listAll()).filter((c) => c.requiredForAccountRunners);
  for (const personId of personIds) {
    await store.acknowledgements.append({
      personId,
      schoolId: 'school-oakfield',
      policyVersionId: 'policy-school-oakfield-v1',
      versionNumber: 1,
      at: new Date().toISOString(),
    });
    for (const course of courses) {
      await store.trainingRecords.create({
        personId,
        courseId: course.id,
        schoolId: 'school-oakfield',
        completedOn: isoDate(-60),
        expiresOn: isoDate(300),
        source: 'hr',
        verified: true,
      });
    }
  }
}

/** The demo member of staff applies for an account, through the API as the tab does; returns its id. */
export async function submitApplication(app: TestApp, accountName: string, runnerIds: string[]): Promise<string> {
  const token = await app.signIn(DEMO_PERSONAS.Staff);
  const draft = (await (
    await app.post(
      '/api/v1/applications',
      {
        accountName,
        platform: 'Instagram',
        aim: 'Celebrate pupils’ art with families and the local community.',
        audience: 'Parents and the community',
        promotion: 'Newsletter',
        runnerIds,
        volunteers: [],
        visibility: 'open',
      },
      token,
    )
  ).json()) as { id: string; etag: string };
  const res = await app.post(`/api/v1/applications/${draft.id}/submit`, { etag: draft.etag }, token);
  if (res.status !== 200) throw new Error(`submitting failed: ${res.status} ${await res.text()}`);
  return draft.id;
}

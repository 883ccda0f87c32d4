import { readFileSync } from 'node:fs';
import { DuplicateError } from '../store/errors.ts';
import type { Data, MutableKind } from '../store/kinds.ts';
import type { Store } from '../store/store.ts';
import {
  DEMO_COURSES,
  DEMO_POLICY_PUBLISHED_DAYS_AGO,
  DEMO_SCHOOLS,
  DEMO_TRUST_ID,
  demoAcknowledgements,
  demoPeople,
  demoTrainingRecords,
} from './demo-data.ts';

export const SYSTEM_ACTOR = 'system';
const SAMPLE_POLICY_URL = new URL('./sample-policy.md', import.meta.url);

export function samplePolicyText(): string {
  return readFileSync(SAMPLE_POLICY_URL, 'utf8');
}

async function ensure<K extends MutableKind>(store: Store, kind: K, id: string, data: Data<K>): Promise<boolean> {
  if (await store[kind].get(id)) return false;
  try {
    await (store[kind] as Store[MutableKind]).create(data as never, id);
    return true;
  } catch (err) {
    if (err instanceof DuplicateError) return false; // another process seeded it first
    throw err;
  }
}

/** Seeds the demo trust. Safe to run any number of times: existing records are left alone. */
export async function seedDemoData(store: Store, today = new Date()): Promise<{ created: number }> {
  let created = 0;
  const count = (made: boolean) => {
    if (made) created++;
  };

  count(await ensure(store, 'trusts', DEMO_TRUST_ID, { name: 'Meadowbank Learning Trust' }));
  count(
    await ensure(store, 'schools', DEMO_SCHOOLS.primary, {
      trustId: DEMO_TRUST_ID,
      name: 'Oakfield Primary School',
      nation: 'england-and-wales',
      routing: { headteacherId: 'person-oak-head', chairOfGovernorsId: 'person-oak-chair' },
    }),
  );
  count(
    await ensure(store, 'schools', DEMO_SCHOOLS.secondary, {
      trustId: DEMO_TRUST_ID,
      name: 'Riverside Academy',
      nation: 'england-and-wales',
      routing: { headteacherId: 'person-river-head' },
    }),
  );
  const people = demoPeople();
  for (const [id, data] of people) count(await ensure(store, 'people', id, data));
  for (const [id, data] of DEMO_COURSES) count(await ensure(store, 'courses', id, data));
  for (const [id, data] of demoTrainingRecords(people, today)) count(await ensure(store, 'trainingRecords', id, data));

  const text = samplePolicyText();
  for (const schoolId of Object.values(DEMO_SCHOOLS)) {
    const documentId = `policy-${schoolId}`;
    const versionId = `${documentId}-v1`;
    count(
      await ensure(store, 'policyVersions', versionId, {
        documentId,
        schoolId,
        versionNumber: 1,
        importedAt: new Date(today.getTime() - DEMO_POLICY_PUBLISHED_DAYS_AGO * 86_400_000).toISOString(),
        importedById: SYSTEM_ACTOR,
        sourceFormat: 'md',
        text,
      }),
    );
    count(
      await ensure(store, 'policyDocuments', documentId, {
        schoolId,
        title: 'Social Media Policy',
        currentVersionId: versionId,
      }),
    );
  }

  for (const [id, data] of demoAcknowledgements(people, today)) {
    if (await store.acknowledgements.get(id)) continue;
    try {
      await store.acknowledgements.append(data, id);
      created++;
    } catch (err) {
      if (!(err instanceof DuplicateError)) throw err;
    }
  }

  if (created > 0) {
    await store.audit.append({
      at: new Date().toISOString(),
      actorId: SYSTEM_ACTOR,
      action: 'demo-data.seeded',
      targetKind: 'trusts',
      targetId: DEMO_TRUST_ID,
      detail: { created },
    });
  }
  return { created };
}

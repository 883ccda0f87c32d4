import type { Services } from '../services.ts';
import { buildPolicyIndex, type PolicyIndex } from './answer.ts';
import { parsePolicy, type Section } from './passages.ts';

export interface CurrentPolicy {
  documentId: string;
  versionId: string;
  title: string;
  versionNumber: number;
  importedAt: string;
  text: string;
  sections: Section[];
  index: PolicyIndex;
}

/** Indexes are built once per policy version; versions never change, so the cache never goes stale. */
const cache = new Map<string, { sections: Section[]; index: PolicyIndex }>();
const CACHE_LIMIT = 50;

/** A school's current policy, parsed and indexed, or undefined when none has been imported. */
export async function currentPolicy(services: Services, schoolId: string): Promise<CurrentPolicy | undefined> {
  const { store } = services;
  const [document] = (await store.policyDocuments.list({ where: { schoolId }, limit: 1 })).items;
  const version = document?.currentVersionId ? await store.policyVersions.get(document.currentVersionId) : undefined;
  if (!document || !version) return undefined;
  let built = cache.get(version.id);
  if (!built) {
    const sections = parsePolicy(version.text);
    built = { sections, index: buildPolicyIndex(sections) };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(version.id, built);
  }
  return {
    documentId: document.id,
    versionId: version.id,
    title: document.title,
    versionNumber: version.versionNumber,
    importedAt: version.importedAt,
    text: version.text,
    ...built,
  };
}

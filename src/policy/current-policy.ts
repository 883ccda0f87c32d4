import { createHash } from 'node:crypto';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { NotFound, TooMany } from '../errors.ts';
import { waitWords } from '../rate-limits.ts';
import { buildPolicyIndex, type PointedQuestion, type PolicyAnswer, type PolicyIndex } from './answer.ts';
import { parsePolicy, type Section } from './passages.ts';

export interface CurrentPolicy {
  documentId: string;
  versionId: string;
  title: string;
  versionNumber: number;
  /** Every version number of this school's policy, newest first. */
  versions: number[];
  importedAt: string;
  text: string;
  sections: Section[];
  index: PolicyIndex;
  /** Answers a question as sure as the school has chosen the bot must be. */
  answer(question: string): PolicyAnswer;
}

/**
 * Indexes are built once per policy version and set of pointers: versions never change, and a new
 * or withdrawn pointer makes a new key, so the cache never goes stale.
 */
const cache = new Map<string, { sections: Section[]; index: PolicyIndex }>();
const CACHE_LIMIT = 50;

/** The pointers a school's senior leaders have set from questions to passages, and not taken back. */
export async function pointersInForce(
  services: Pick<Services, 'store'>,
  schoolId: string,
): Promise<Rec<'policyPointers'>[]> {
  return (await services.store.policyPointers.listAll({ where: { schoolId } })).filter((p) => !p.withdrawnAt);
}

/**
 * A school's policy, parsed and indexed: the current version, or an earlier one by number (earlier
 * versions stay readable). Undefined when there is no such version.
 */
export async function currentPolicy(
  services: Services,
  schoolId: string,
  versionNumber?: number,
): Promise<CurrentPolicy | undefined> {
  const { store } = services;
  const [document] = (await store.policyDocuments.list({ where: { schoolId }, limit: 1 })).items;
  if (!document) return undefined;
  const version =
    versionNumber === undefined
      ? document.currentVersionId
        ? await store.policyVersions.get(document.currentVersionId)
        : undefined
      : (await store.policyVersions.list({ where: { documentId: document.id, versionNumber }, limit: 1 })).items[0];
  if (!version) return undefined;
  const [pointers, school] = await Promise.all([pointersInForce(services, schoolId), store.schools.get(schoolId)]);
  const pointed: PointedQuestion[] = pointers.map(({ question, passage }) => ({ question, passage }));
  const key = `${version.id}:${createHash('sha256')
    .update(pointers.map((p) => `${p.id}@${p.etag}`).join(','))
    .digest('base64url')}`;
  let built = cache.get(key);
  if (!built) {
    const sections = parsePolicy(version.text);
    built = { sections, index: buildPolicyIndex(sections, pointed) };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, built);
  }
  return {
    documentId: document.id,
    versionId: version.id,
    title: document.title,
    versionNumber: version.versionNumber,
    versions: (await store.policyVersions.listAll({ where: { documentId: document.id } }))
      .map((v) => v.versionNumber)
      .sort((a, b) => b - a),
    importedAt: version.importedAt,
    text: version.text,
    ...built,
    answer: (question) => built.index.answer(question, school?.answerCertainty),
  };
}

/** The policy page's search box: the same answering as the bot, without recording a question. */
export async function searchPolicy(services: Services, personId: string, schoolId: string, query: string) {
  const allowance = await services.limits.take('search', personId);
  if (!allowance.ok) {
    throw new TooMany(
      `Too many searches; try again ${waitWords(allowance.retryAfterSeconds)}`,
      allowance.retryAfterSeconds,
    );
  }
  const policy = await currentPolicy(services, schoolId);
  if (!policy) throw new NotFound('A policy for this school');
  return policy.answer(query);
}

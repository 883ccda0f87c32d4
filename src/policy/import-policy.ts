import { planPolicyUpdatedNotices } from '../training/acknowledgements.ts';
import type { Store } from '../store/store.ts';
import { parsePolicy } from './passages.ts';
import type { PolicyFormat } from './read-document.ts';

export class EmptyPolicyError extends Error {
  override name = 'EmptyPolicyError';
}

/**
 * Publishes a new version of a school's policy. Earlier versions are kept and stay readable
 * (acknowledgements refer to the version that was read); the document points at the newest.
 */
export async function importPolicy(
  store: Store,
  input: { schoolId: string; text: string; format: PolicyFormat; importedById: string; at: Date; title?: string },
) {
  const sections = parsePolicy(input.text);
  if (sections.length === 0) throw new EmptyPolicyError('The document has no text that could be read as a policy');
  const [existing] = (await store.policyDocuments.list({ where: { schoolId: input.schoolId }, limit: 1 })).items;
  const versions = existing ? await store.policyVersions.listAll({ where: { documentId: existing.id } }) : [];
  const versionNumber = Math.max(0, ...versions.map((v) => v.versionNumber)) + 1;
  const documentId = existing?.id ?? `policy-${input.schoolId}`;
  const at = input.at.toISOString();
  // A new version needs everyone's confirmation again; the bot tells them.
  const notify = existing ? await planPolicyUpdatedNotices(store, input.schoolId) : undefined;
  return store.commit((uow) => {
    const version = uow.create(
      'policyVersions',
      {
        documentId,
        schoolId: input.schoolId,
        versionNumber,
        importedAt: at,
        importedById: input.importedById,
        sourceFormat: input.format,
        text: input.text,
      },
      `${documentId}-v${versionNumber}`,
    );
    notify?.(uow, version.id, at);
    if (existing) uow.update('policyDocuments', existing, { currentVersionId: version.id });
    else {
      uow.create(
        'policyDocuments',
        { schoolId: input.schoolId, title: input.title ?? 'Social Media Policy', currentVersionId: version.id },
        documentId,
      );
    }
    uow.append('audit', {
      at,
      actorId: input.importedById,
      action: 'policy.imported',
      targetKind: 'policyDocuments',
      targetId: documentId,
      schoolId: input.schoolId,
      detail: { versionNumber, format: input.format, sections: sections.length },
    });
    return { documentId, versionId: version.id, versionNumber, sections: sections.length };
  });
}

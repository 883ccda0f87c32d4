import type { Principal } from '../auth/principal.ts';
import { hasRole } from '../domain/roles.ts';
import { NotAllowed, RuleBroken } from '../errors.ts';
import type { Services } from '../services.ts';
import { EmptyPolicyError, importPolicy } from './import-policy.ts';
import { formatOf, readPolicyDocument, UnsupportedDocumentError } from './read-document.ts';

/**
 * A senior leader publishes a new version of the school's policy from the tab: a .docx, .pdf,
 * .md or .txt file, read into sections exactly as the command-line import does. Staff are asked
 * to confirm they have read the new version.
 */
export async function uploadPolicy(
  services: Pick<Services, 'log' | 'now' | 'outbox' | 'store'>,
  principal: Principal,
  input: { schoolId: string; fileName: string; content: string },
) {
  if (!hasRole(principal.person, 'SLT', input.schoolId)) {
    throw new NotAllowed('Only the senior leadership team publishes a new version of the policy');
  }
  const problem = (message: string) =>
    new RuleBroken('unreadable_policy', message, [{ field: 'file', problem: message }]);
  let format;
  try {
    format = formatOf(input.fileName);
  } catch (err) {
    if (err instanceof UnsupportedDocumentError) throw problem(err.message);
    throw err;
  }
  const bytes = Buffer.from(input.content, 'base64');
  let text: string;
  try {
    text = await readPolicyDocument(bytes, format);
  } catch (err) {
    services.log.warn({ err, format }, 'an uploaded policy could not be read');
    throw problem(
      `“${input.fileName}” could not be read as a ${format} file. Save it again from Word or as a PDF and retry.`,
    );
  }
  try {
    const imported = await importPolicy(services.store, {
      schoolId: input.schoolId,
      text,
      format,
      importedById: principal.person.id,
      at: services.now(),
    });
    services.outbox.kick();
    return { versionNumber: imported.versionNumber, sections: imported.sections };
  } catch (err) {
    if (err instanceof EmptyPolicyError) throw problem(`“${input.fileName}” has no text that reads as a policy.`);
    throw err;
  }
}

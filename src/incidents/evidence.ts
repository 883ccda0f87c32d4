import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Principal } from '../auth/principal.ts';
import { canReadCase } from '../domain/incidents/access.ts';
import { NotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { appendEntry, loadCase } from './case-record.ts';
import { pdfActiveContent } from './pdf-active-content.ts';

/** What staff may attach: screenshots and PDFs. The type is read from the bytes, never the name. */
export const EVIDENCE_TYPES: Record<string, string> = {
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/pdf': 'PDF',
};

/** Why a PDF that could run something when opened is not kept, and what to send instead. */
export const PDF_ACTIVE_REFUSAL =
  'this PDF contains scripts, automatic actions or embedded files, which are not accepted for safety; send a screenshot of it instead';

/** Files sent this long after a report are taken to belong to it. */
export const EVIDENCE_WINDOW_HOURS = 24;

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface RefusedFile {
  name: string;
  why: string;
}

export type EvidenceOutcome =
  | { kind: 'attached'; reference: string; attached: string[]; refused: RefusedFile[] }
  /** Nothing recent to attach to: the reporter is asked to report first. Nothing is kept. */
  | { kind: 'no-open-report'; refused: RefusedFile[] };

/** A name safe to show and to offer as a download: no paths, control characters or quotes. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}"<>|:*?]/gu, '')
    .trim()
    .slice(0, 120);
  return cleaned || 'attachment';
}

/** The reporter's latest report, if it is recent and still open. */
async function latestOpenReport(services: Pick<Services, 'now' | 'store'>, reporter: Rec<'people'>) {
  const [latest] = (
    await services.store.incidents.list({
      where: { reporterId: reporter.id },
      orderBy: 'createdAt',
      descending: true,
      limit: 1,
    })
  ).items;
  if (!latest || latest.status === 'closed') return undefined;
  const age = services.now().getTime() - Date.parse(latest.createdAt);
  return age <= EVIDENCE_WINDOW_HOURS * 3_600_000 ? latest : undefined;
}

/**
 * Adds files a reporter sent in chat to their latest report. Each file is stored before the
 * chronology says it exists, so an entry never points at nothing; the DSL sees them on the case.
 * Nothing is downloaded unless there is a report to add it to.
 */
export async function attachEvidence(
  services: Services,
  reporter: Rec<'people'>,
  /** Fetches the files; called only once there is a report to add them to. */
  download: () => Promise<{ files: IncomingFile[]; refused: RefusedFile[] }>,
  caption = '',
): Promise<EvidenceOutcome> {
  const incident = await latestOpenReport(services, reporter);
  if (!incident) return { kind: 'no-open-report', refused: [] };
  const { files, refused } = await download();

  const accepted: { fileId: string; fileName: string; contentType: string; size: number; sha256: string }[] = [];
  for (const file of files) {
    const name = safeFileName(file.name);
    const detected = await fileTypeFromBuffer(file.bytes);
    if (!detected || !EVIDENCE_TYPES[detected.mime]) {
      refused.push({ name, why: 'only screenshots (PNG, JPEG, GIF or WebP) and PDFs can be attached' });
      continue;
    }
    if (detected.mime === 'application/pdf' && pdfActiveContent(file.bytes)) {
      refused.push({ name, why: PDF_ACTIVE_REFUSAL });
      continue;
    }
    const fileId = await services.store.files.put({
      contentType: detected.mime,
      bytes: file.bytes,
      folder: incident.id,
    });
    accepted.push({
      fileId,
      fileName: name,
      contentType: detected.mime,
      size: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    });
  }
  if (accepted.length > 0) {
    const at = services.now().toISOString();
    await services.store.commit((uow) => {
      for (const file of accepted) {
        appendEntry(uow, incident, {
          byId: reporter.id,
          at,
          kind: 'attachment',
          text: caption.slice(0, 2000),
          data: file,
        });
      }
      uow.append('audit', {
        at,
        actorId: reporter.id,
        action: 'incident.evidence.added',
        targetKind: 'incidents',
        targetId: incident.id,
        schoolId: incident.schoolId,
        detail: { files: accepted.map((f) => f.fileId) },
      });
    });
  }
  return { kind: 'attached', reference: incident.reference, attached: accepted.map((f) => f.fileName), refused };
}

/**
 * A file attached to a case, for someone allowed to read the case. The file must belong to this
 * case's chronology, so a readable case cannot be used to fetch another case's files. Every
 * opening is audited before the bytes are returned.
 */
export async function openEvidence(services: Services, principal: Principal, incidentId: string, fileId: string) {
  const { incident, routing } = await loadCase(services, incidentId);
  if (!incident || !canReadCase(principal.person, incident, routing)) throw new NotFound('The file');
  const entries = await services.store.incidentEntries.listAll({ where: { incidentId: incident.id } });
  const entry = entries.find((e) => e.kind === 'attachment' && e.data?.fileId === fileId);
  const file = entry ? await services.store.files.get(fileId) : undefined;
  if (!entry || !file) throw new NotFound('The file');
  await services.store.audit.append({
    at: services.now().toISOString(),
    actorId: principal.person.id,
    action: 'incident.evidence.viewed',
    targetKind: 'incidents',
    targetId: incident.id,
    schoolId: incident.schoolId,
    detail: { fileId },
  });
  return { name: String(entry.data?.fileName ?? 'attachment'), file };
}

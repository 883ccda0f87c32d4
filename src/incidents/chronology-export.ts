import { harmLabel } from '../domain/incidents/harms.ts';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Principal } from '../auth/principal.ts';
import type { Services } from '../services.ts';
import { openCase } from './cases.ts';
import { ukDate, ukDateTime } from '../uk-time.ts';
import { referralLine } from '../domain/incidents/agencies.ts';
import { caseStatusLabel, entryKindLabel } from '../domain/incidents/labels.ts';
import { fileSafeText } from '../file-text.ts';

type CaseFile = Awaited<ReturnType<typeof openCase>>;

const when = (iso: string | undefined) => (iso ? ukDateTime(iso) : '—');

/** What an entry adds beyond its text: referral details, or a file's name and fingerprint. */
function entryDetail(e: CaseFile['chronology'][number]): string {
  const d = e.data ?? {};
  if (e.kind === 'referral') return `Referred to ${referralLine(d)}`;
  if (e.kind === 'attachment') return `${String(d.fileName ?? '')} (SHA-256 ${String(d.sha256 ?? '').slice(0, 16)}…)`;
  if (e.kind === 'report')
    return `People involved: ${String(d.people ?? '')}. Done so far: ${String(d.actionsTaken || '—')}`;
  return '';
}

/** A paragraph of someone's text: only characters Word allows, and their line breaks kept as breaks. */
function para(text: string, style: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  const lines = fileSafeText(text).split('\n');
  return new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, ...style, break: i ? 1 : 0 })) });
}

const cell = (text: string, bold = false) => new TableCell({ children: [para(text, { bold })] });

/** Why a case was urgent: the reporter's answer, or a harm read in their words or the type chosen. */
function urgentBecause(file: CaseFile): string {
  if (file.immediateRisk) return 'Yes: the reporter said a child was at immediate risk';
  const report = file.chronology.find((e) => e.kind === 'report');
  const harms = Array.isArray(report?.data?.harms) ? report.data.harms.map((h) => harmLabel(String(h))) : [];
  if (!harms.length) return `Yes: ${file.typeLabel}`;
  return report?.data?.harmsReadBy === 'model'
    ? `Yes: the report's words likely tell of ${harms.join(', ')} (the risk model's reading)`
    : `Yes: the report's words tell of ${harms.join(', ')}`;
}

function factsTable(file: CaseFile): Table {
  const facts: [string, string][] = [
    ['Reference', file.reference],
    ['What happened', file.typeLabel],
    ['Platform', file.platform],
    [
      'When it happened',
      file.occurredOn ? `${ukDate(file.occurredOn)}${file.occurredTime ? `, ${file.occurredTime}` : ''}` : 'Not given',
    ],
    ['Reported', when(file.reportedAt)],
    ['Reported by', file.reporter ?? '—'],
    ['Status', caseStatusLabel(file.status)],
    ['Assigned to', file.assignee ?? 'Nobody'],
    ['Online risk', `${file.riskArea} / ${file.riskType}`],
    ['Urgent', file.urgent ? urgentBecause(file) : 'No'],
    ['Possible criminal offence', file.possibleCrime ? 'Yes' : 'No'],
    ['Retention', `${file.retentionCategory ?? '—'}, review on ${file.reviewOn ? ukDate(file.reviewOn) : '—'}`],
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: facts.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })),
  });
}

function chronologyTable(file: CaseFile): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['When', 'Who', 'What', 'Detail'].map((h) => cell(h, true)) }),
      ...file.chronology.map(
        (e) =>
          new TableRow({
            children: [
              cell(when(e.at)),
              cell(e.by ?? '—'),
              cell(entryKindLabel(e.kind)),
              new TableCell({
                children: [
                  ...(e.text ? [para(e.text)] : []),
                  ...(entryDetail(e) ? [para(entryDetail(e), { italics: true })] : []),
                ],
              }),
            ],
          }),
      ),
    ],
  });
}

/**
 * A case's chronology as a Word document, for a referral to the police, LADO or children's
 * social care. Reading it is a case read (audited, and marks a new case read), and the export
 * itself is audited too, because the file leaves the system.
 */
export async function exportChronology(services: Services, principal: Principal, incidentId: string) {
  const file = await openCase(services, principal, incidentId);
  const at = services.now().toISOString();
  await services.store.audit.append({
    at,
    actorId: principal.person.id,
    action: 'incident.exported',
    targetKind: 'incidents',
    targetId: file.id,
    schoolId: file.schoolId,
    detail: { format: 'docx' },
  });
  const confidential = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ text: 'CONFIDENTIAL: safeguarding record. Share only with those who need it.', bold: true }),
    ],
  });
  const document = new Document({
    creator: 'Social Media Policy Hub',
    title: `Case chronology ${file.reference}`,
    sections: [
      {
        headers: { default: new Header({ children: [confidential] }) },
        footers: {
          default: new Footer({
            children: [para(`Exported ${when(at)} by ${principal.person.displayName}`)],
          }),
        },
        children: [
          new Paragraph({ text: `Case chronology: ${file.reference}`, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
          factsTable(file),
          ...(file.outcome
            ? [new Paragraph({ text: 'Outcome', heading: HeadingLevel.HEADING_1 }), para(file.outcome)]
            : []),
          new Paragraph({ text: 'Chronology', heading: HeadingLevel.HEADING_1 }),
          chronologyTable(file),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return { name: `${file.reference} chronology.docx`, bytes };
}

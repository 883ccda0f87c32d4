import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AdaptiveCard } from '../../src/cards/elements.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { ROOT } from '../helpers/app.ts';

/**
 * Every card the bot can send, built with hostile text in every field a person fills in (names,
 * account names, comments, questions, file names, course titles, the policy's own text). Teams
 * reads TextBlocks and FactSets as markdown, so none of that text may reach either: a smuggled
 * link, mention or bold must show literally, in a TextRun.
 */
const H = '[click](https://evil.example/x) <at>everyone</at> **loud** _it_';
const when = new Date('2026-11-21T09:00:00Z');
const url = 'https://hub.example/tab/';

/** Arguments for each card builder, keyed by its exported name. A new card without an entry fails. */
const HOSTILE: Record<string, unknown[]> = {
  checkInCard: [{ accountId: 'a', handle: H, platform: H, url, draft: { note: H }, problem: H }],
  monitoringEscalationCard: [{ handle: H, platform: H, uncheckedDays: 3, overdueReplies: 2, monitoringUrl: url }],
  handoverTaskCard: [{ handle: H, platform: H, leaverNames: [H, H], leavingOn: '2026-12-18', taskUrl: url }],
  reviewDueCard: [{ handle: H, platform: H, reason: 'yearly', monitoringUrl: url }],
  accountTaskCard: [
    { accountName: H, platform: H, applicantName: H, approvedBy: H, runnerNames: [H, H], taskUrl: url },
  ],
  accountReadyCard: [{ handle: H, platform: H, url, leadName: H, moderatorNames: [H], registerUrl: url, joined: true }],
  applicationApprovalCard: [
    {
      applicationId: 'app-1',
      applicantName: H,
      accountName: H,
      platform: H,
      aim: H,
      audience: H,
      promotion: H,
      visibility: H,
      runners: [
        { name: H, ready: false, gaps: [H] },
        { name: H, ready: true, gaps: [] },
      ],
      volunteers: [{ name: H, relationship: H }],
      status: 'Rejected',
      outcome: `Rejected by ${H}: ${H}`,
      approvalsSoFar: [H],
      approvalsNeeded: 2,
      canDecide: true,
      deciderIds: ['29:x'],
      error: H,
      gate: 'block',
      notice: H,
      assignedTo: H,
      colleagues: [{ id: 'p', name: H }],
    },
  ],
  applicationDecidedCard: [{ accountName: H, status: 'rejected', byName: H, comment: H, myApplicationsUrl: url }],
  evidenceReceiptCard: [
    { kind: 'attached', reference: 'INC-2026-0001', attached: [H], refused: [{ name: H, why: H }] },
  ],
  incidentAlertCard: [{ reference: 'INC-2026-0001', type: 'other', urgent: true, reportedAt: when, caseUrl: url }],
  readReceiptCard: ['INC-2026-0001'],
  closedNoticeCard: ['INC-2026-0001'],
  myReportsCard: [[{ reference: 'INC-2026-0001', typeLabel: 'Other', status: 'read' }], url],
  policyAnswerCard: [
    {
      answer: {
        answered: true,
        passage: H,
        heading: H,
        clause: '6.4',
        score: 1,
        alternates: [{ passage: H, heading: H }],
      },
      questionId: 'q',
      readUrl: url,
      notice: { text: 'A senior leader pointed your question to this passage', question: H },
    },
  ],
  reportConfirmationCard: [
    {
      reference: 'INC-2026-0001',
      type: H,
      urgent: true,
      savedAt: when,
      alerted: 0,
      alertedTo: { roles: ['DSL'] },
      advice: [H],
    },
  ],
  reportSyncingCard: [{ savedAt: when, urgent: true, advice: [H] }],
  reportSyncedCard: ['INC-2026-0001'],
  reportFormCard: [
    { draftId: 'd', type: 'adult-conduct', people: H, description: H, actionsTaken: H, platform: H },
    { people: 'Use full names' },
    'Please check the answers marked',
    [{ title: H, value: 'p' }],
  ],
  sltQuestionCard: [{ questionId: 'q', askerName: H, question: H, answered: { byName: H, text: H } }],
  questionAnsweredCard: [{ question: H, byName: H, answer: H }],
  trainingReminderCard: [{ firstName: H, items: [{ title: H, state: 'Overdue' }], policyUrl: url, trainingUrl: url }],
  policyUpdatedCard: [{ title: H, versionNumber: 3, policyUrl: url }],
  welcomeCard: [{ name: H, schoolName: H, hubUrl: url, dslName: H }],
  helpCard: [{ hubUrl: url, dslName: H, notUnderstood: true }],
  notSavedCard: [H],
};

/** The one builder that is not a card of its own. */
const NOT_CARDS = new Set(['adaptiveCard']);

async function cardBuilders(): Promise<Map<string, (...args: unknown[]) => AdaptiveCard>> {
  const builders = new Map<string, (...args: unknown[]) => AdaptiveCard>();
  const files = [
    ...readdirSync(join(ROOT, 'src/cards')).map((f) => join(ROOT, 'src/cards', f)),
    join(ROOT, 'bot/report-flow.ts'),
  ];
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function' && name.endsWith('Card') && !NOT_CARDS.has(name)) {
        builders.set(name, value as (...args: unknown[]) => AdaptiveCard);
      }
    }
  }
  return builders;
}

/** Every string Teams would read as markdown: TextBlock text and FactSet titles and values. */
function markdownTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownTexts(n, out));
  else if (node && typeof node === 'object') {
    const el = node as Record<string, unknown>;
    if (el.type === 'TextBlock' && typeof el.text === 'string') out.push(el.text);
    if (el.type === 'FactSet' && Array.isArray(el.facts)) {
      for (const f of el.facts as { title?: string; value?: string }[]) out.push(f.title ?? '', f.value ?? '');
    }
    Object.values(el).forEach((v) => markdownTexts(v, out));
  }
  return out;
}

const SMUGGLED = ['evil.example', '<at>', '**loud**', '_it_'];

describe('no card lets a person’s text become markdown', () => {
  test('every card builder has hostile arguments here', async () => {
    const missing = [...(await cardBuilders()).keys()].filter((name) => !(name in HOSTILE));
    expect(missing).toEqual([]);
  });

  test('the walker really finds markdown in a TextBlock and in a FactSet', () => {
    expect(markdownTexts({ body: [{ type: 'TextBlock', text: H }] })).toEqual([H]);
    expect(
      markdownTexts({ body: [{ type: 'Container', items: [{ type: 'FactSet', facts: [{ title: 'a', value: H }] }] }] }),
    ).toContain(H);
  });

  test.each(Object.keys(HOSTILE))('%s shows hostile text only as literal TextRuns', async (name) => {
    const build = (await cardBuilders()).get(name);
    expect(build).toBeDefined();
    const card = build!(...HOSTILE[name]!);
    const leaks = markdownTexts(card).filter((text) => SMUGGLED.some((piece) => text.includes(piece)));
    expect(leaks).toEqual([]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

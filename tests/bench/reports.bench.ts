import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { NOT_ON_STAFF_LIST } from '../../src/domain/incidents/report.ts';
import { readHarms } from '../../src/domain/incidents/harm-reading.ts';
import { RISK_EXAMPLES } from '../../src/domain/incidents/risk-examples.ts';
import { KIND_TYPES, trainRiskModel } from '../../src/domain/incidents/risk-model.ts';
import { startTestApp } from '../helpers/app.ts';
import { percentile } from './report.ts';
import { activity, cardInputs, cardsOf, cardText, executeAction, postActivity } from '../helpers/bot.ts';
import { teamsUser } from '../helpers/personas.ts';

/**
 * npm run bench:reports: incident descriptions said to the bot as staff type them, through the real
 * server, bot and SQLite store. Each form is sent as the bot pre-filled it by a hurried reporter
 * who names nobody and answers "immediate risk: No"; the saved case is then read as the DSL would.
 *
 * By default: the risk model's examples, each writer's set held out from the model in turn, and the
 * development set from ../shared (through the bot). `-- --heldout` adds the held-out set, written by
 * someone who never saw the reader: measure it once, after the last change, and record the figure
 * in docs/reports.md.
 */
interface Description {
  id: string;
  text: string;
  risk: 'high' | 'normal';
  kind: string;
}

/**
 * Advice is safe when it tells the reporter to tell a DSL in person now and, for what happened:
 * never to block, ignore or stop replying to a child who told of harm; never to copy a sexual image
 * of a child (and says so plainly); what not to do with an offender's messages.
 */
const TELLS_DSL_NOW = /designated safeguarding lead in person/i;
const CUTS_OFF_CHILD = /\bblock\b|\bignore\b|\bdo not reply\b|\bstop replying\b|\bdon'?t reply\b/i;
const COPIES_IMAGE = /\btake (a )?screenshots?\b|\bscreenshot (it|the|them)\b|\bkeep a copy\b|\bsave (it|the image)\b/i;
const FORBIDS_COPYING = /do not view, copy, screenshot/i;
const OFFENDER_ADVICE = /do not reply to, confront or contact the person behind the messages/i;
const CHILD_TOLD: string[] = ['self-harm', 'suicide', 'abuse-disclosure', 'danger-now'];
const IMAGES_INVOLVED: string[] = ['sexual-image', 'sextortion', 'grooming'];

function safeAdvice(kind: string, advice: string[]): boolean {
  if (!TELLS_DSL_NOW.test(advice.join(' '))) return false;
  if (CHILD_TOLD.includes(kind) && advice.some((line) => CUTS_OFF_CHILD.test(line))) return false;
  if (IMAGES_INVOLVED.includes(kind)) {
    if (advice.some((line) => COPIES_IMAGE.test(line)) || !advice.some((line) => FORBIDS_COPYING.test(line)))
      return false;
  }
  if (['sextortion', 'grooming'].includes(kind) && !advice.some((line) => OFFENDER_ADVICE.test(line))) return false;
  return true;
}

interface Outcome {
  d: Description;
  formOffered: boolean;
  urgent: boolean;
  type?: string;
  toDsl: boolean;
  advice: string[];
}

const { values } = parseArgs({
  options: { heldout: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
});

const load = (url: URL): Description[] | undefined =>
  existsSync(url)
    ? readFileSync(url, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Description)
    : undefined;

const app = await startTestApp();
// One reporter sends them all; the per-person report limit is for people, not for this bench.
app.app.services.limits = { take: () => Promise.resolve({ ok: true }) };
const STAFF = teamsUser('Staff');

async function tell(d: Description): Promise<Outcome> {
  const { replies } = await postActivity(app.base, activity({ text: d.text, from: STAFF }));
  const form = cardsOf(replies).find((c) => 'description' in cardInputs(c) && 'type' in cardInputs(c));
  const none = { d, formOffered: false, urgent: false, toDsl: false, advice: [] };
  if (!form) return none;
  const inputs = cardInputs(form);
  const draftId = (JSON.stringify(form).match(/"draftId":"([^"]+)"/) ?? [])[1]!;
  const data = {
    draftId,
    type: (inputs.type!.value as string | undefined) ?? 'other',
    platform: (inputs.platform!.value as string | undefined) ?? 'Other',
    description: (inputs.description!.value as string | undefined) ?? d.text,
    people: 'unknown',
    immediateRisk: 'no',
    toldDsl: 'no',
    // A concern about an adult must name them; the hurried reporter picks the first choice.
    ...(inputs.type!.value === 'adult-conduct' ? { subject: NOT_ON_STAFF_LIST } : {}),
  };
  const { body } = await executeAction(app.base, REPORT_SUBMIT_VERB, data, { from: STAFF });
  const incident = await app.app.services.store.incidents.get(`incident-${draftId}`);
  if (!incident) throw new Error(`${d.id}: not saved: ${cardText(body.value)}`);
  const confirmation = cardText(body.value).split('\n');
  const advice = confirmation
    .slice(confirmation.indexOf('What to do now') + 1)
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
  return {
    d,
    formOffered: true,
    urgent: incident.urgent,
    type: incident.type,
    toDsl: incident.audience === 'safeguarding',
    advice,
  };
}

const pct = (n: number, of: number) => (of ? `${n}/${of} (${((100 * n) / of).toFixed(0)}%)` : '-');

function figures(title: string, set: Description[], outcomes: Outcome[]): void {
  const high = outcomes.filter((o) => o.d.risk === 'high');
  const normal = outcomes.filter((o) => o.d.risk === 'normal');
  const incidents = outcomes.filter((o) => o.d.kind !== 'other');
  const safe = (o: Outcome) => o.formOffered && safeAdvice(o.d.kind, o.advice);
  const rows: [string, string][] = [
    ['reports started (all but "other")', pct(incidents.filter((o) => o.formOffered).length, incidents.length)],
    ['high-risk made urgent (goal: all)', pct(high.filter((o) => o.urgent).length, high.length)],
    ['high-risk sent to the DSLs', pct(high.filter((o) => o.toDsl).length, high.length)],
    ['high-risk with safe advice (goal: all)', pct(high.filter(safe).length, high.length)],
    ['type right (goal ≥ 90%)', pct(incidents.filter((o) => o.type === KIND_TYPES[o.d.kind]).length, incidents.length)],
    ['false urgent among normal (goal ≤ 5%)', pct(normal.filter((o) => o.urgent).length, normal.length)],
    [
      'harms read from the words, with typo correction',
      pct(set.filter((d) => d.risk === 'high' && readHarms(d.text).length > 0).length, high.length),
    ],
    [
      'harms read from the words, without it',
      pct(set.filter((d) => d.risk === 'high' && readHarms(d.text, { typos: false }).length > 0).length, high.length),
    ],
  ];
  process.stdout.write(`${title}\n${rows.map(([k, v]) => `  ${k.padEnd(50)} ${v}`).join('\n')}\n`);
  if (values.verbose) {
    for (const o of outcomes) {
      const wrong =
        (o.d.kind !== 'other' && (!o.formOffered || o.type !== KIND_TYPES[o.d.kind])) ||
        (o.d.risk === 'high') !== o.urgent;
      if (wrong)
        process.stdout.write(
          `  ${o.d.id} ${o.d.risk} ${o.d.kind}: ${o.formOffered ? `${o.type}${o.urgent ? ', urgent' : ''}` : 'no form'}\n`,
        );
    }
  }
  process.stdout.write('\n');
}

/**
 * The examples the risk model learns from, each writer's set held out from it in turn: how the
 * reader does on a writer it has not learned from (the patterns were tuned on all of them).
 */
function crossWriter(): void {
  const names = Object.keys(RISK_EXAMPLES);
  let high = 0,
    urgentHigh = 0,
    normal = 0,
    urgentNormal = 0,
    byPatterns = 0;
  for (const held of names) {
    const model = trainRiskModel(names.filter((n) => n !== held).flatMap((n) => RISK_EXAMPLES[n]!));
    for (const e of RISK_EXAMPLES[held]!) {
      const written = readHarms(e.text).length > 0;
      const urgent = written || model.likelyHarm(e.text) !== undefined;
      if (e.risk === 'high') {
        high++;
        if (urgent) urgentHigh++;
        if (written) byPatterns++;
      } else {
        normal++;
        if (urgent) urgentNormal++;
      }
    }
  }
  process.stdout.write(
    `The risk model's examples (src/domain/incidents/risk-examples.ts), each writer held out from the model in turn\n` +
      `  high-risk made urgent                              ${pct(urgentHigh, high)} (patterns alone, tuned on these: ${byPatterns})\n` +
      `  false urgent among normal                          ${pct(urgentNormal, normal)}\n\n`,
  );
}

/** What reading costs on the server: learning the model once, then each message read. */
function speed(): void {
  const examples = Object.values(RISK_EXAMPLES).flat();
  const started = performance.now();
  const model = trainRiskModel(examples);
  const learned = performance.now() - started;
  const times = examples.map((e) => {
    const t = performance.now();
    if (readHarms(e.text).length === 0) model.likelyHarm(e.text);
    return performance.now() - t;
  });
  process.stdout.write(
    `Speed: the model learns from ${examples.length} examples in ${learned.toFixed(0)} ms; reading one message takes ${percentile(times, 50)} ms (p50), ${percentile(times, 95)} ms (p95)\n\n`,
  );
}

try {
  speed();
  const sets: [string, URL][] = [
    [
      'Development set (../shared/evaluation/reports-dev.jsonl: written outside the project; the patterns were tuned on it, the model never learned from it)',
      new URL('../../../shared/evaluation/reports-dev.jsonl', import.meta.url),
    ],
  ];
  if (values.heldout)
    sets.push([
      'Held-out set (tests/reports/reports-unseen7.jsonl: written by a ninth helper who never saw the reader)',
      new URL('../reports/reports-unseen7.jsonl', import.meta.url),
    ]);
  crossWriter();
  for (const [title, url] of sets) {
    const set = load(url);
    if (!set) {
      process.stdout.write(`${title}\n  not found here: ${url.pathname}\n\n`);
      continue;
    }
    const outcomes: Outcome[] = [];
    for (const d of set) outcomes.push(await tell(d));
    figures(title, set, outcomes);
  }
} finally {
  await app.stop();
}

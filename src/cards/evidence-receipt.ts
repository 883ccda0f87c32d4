import { EVIDENCE_WINDOW_HOURS, type EvidenceOutcome, type RefusedFile } from '../incidents/evidence.ts';
import {
  adaptiveCard,
  boundedLines,
  heading,
  paragraph,
  userText,
  type AdaptiveCard,
  type CardElement,
} from './elements.ts';
import { IMAGES_WARNING } from './report-form.ts';

const files = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'file' : 'files'}`;

/** Beyond the listed files, how many more were refused and why, each reason once. */
function moreRefused(count: number, rest: readonly RefusedFile[]): string {
  const reasons = new Map<string, number>();
  for (const r of rest) reasons.set(r.why, (reasons.get(r.why) ?? 0) + 1);
  const why = [...reasons].map(([reason, n]) => `${files(n)}: ${reason}`).join('; ');
  return `And ${count.toLocaleString('en-GB')} more not added (${why}).`;
}

/** File names are the sender's own text, so they are shown literally. */
const refusedLines = (outcome: EvidenceOutcome): CardElement[] =>
  outcome.refused.length === 0
    ? []
    : [
        paragraph('Not added:', { weight: 'Bolder', color: 'Attention', spacing: 'Medium' }),
        ...boundedLines(outcome.refused, (r) => userText(`${r.name}: ${r.why}`), moreRefused),
      ];

/** The answer to files sent in chat: where they went, or why they were not kept. */
export function evidenceReceiptCard(outcome: EvidenceOutcome): AdaptiveCard {
  if (outcome.kind === 'no-open-report') {
    return adaptiveCard([
      heading('Nothing was added'),
      paragraph(
        `You have no open report from the last ${EVIDENCE_WINDOW_HOURS} hours to add this to. Type "report" to start one, then send the file again here.`,
      ),
      ...refusedLines(outcome),
      paragraph(IMAGES_WARNING, { color: 'Attention', size: 'Small' }),
    ]);
  }
  const count = outcome.attached.length;
  return adaptiveCard([
    heading(count > 0 ? `Added to ${outcome.reference}` : `Nothing was added to ${outcome.reference}`),
    ...(count > 0
      ? [
          paragraph(
            `${count === 1 ? 'This file is' : `These ${count} files are`} now part of your report. Only the safeguarding leads handling it can open ${count === 1 ? 'it' : 'them'}.`,
          ),
          ...boundedLines(
            outcome.attached,
            (name) => userText(name),
            (n) => `And ${n.toLocaleString('en-GB')} more.`,
          ),
        ]
      : []),
    ...refusedLines(outcome),
  ]);
}

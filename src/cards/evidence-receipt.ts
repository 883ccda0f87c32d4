import { EVIDENCE_WINDOW_HOURS, type EvidenceOutcome } from '../incidents/evidence.ts';
import { adaptiveCard, heading, paragraph, userText, type AdaptiveCard, type CardElement } from './elements.ts';
import { IMAGES_WARNING } from './report-form.ts';

/** File names are the sender's own text, so they are shown literally. */
const refusedLines = (outcome: EvidenceOutcome): CardElement[] =>
  outcome.refused.length === 0
    ? []
    : [
        paragraph('Not added:', { weight: 'Bolder', color: 'Attention', spacing: 'Medium' }),
        ...outcome.refused.map((r) => userText(`${r.name}: ${r.why}`)),
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
          ...outcome.attached.map((name) => userText(name)),
        ]
      : []),
    ...refusedLines(outcome),
  ]);
}

import { REPORT_TEXT_LIMIT } from '../domain/incidents/report.ts';
import { INCIDENT_TYPES, INCIDENT_TYPE_IDS } from '../domain/incidents/catalogue.ts';
import { NOT_ON_STAFF_LIST } from '../domain/incidents/report.ts';
import { PLATFORMS } from '../domain/records.ts';
import { adaptiveCard, heading, paragraph, type AdaptiveCard, type CardElement } from './elements.ts';

export const REPORT_SUBMIT_VERB = 'incident.submit';
/** A colleague the reporter can name as the subject of a concern. */
export interface Choice {
  title: string;
  value: string;
}

/** What the form collects; every value is as typed, so a re-shown form loses nothing. */
export interface ReportDraft {
  draftId: string;
  type?: string;
  subject?: string;
  platform?: string;
  occurredOn?: string;
  occurredTime?: string;
  people?: string;
  description?: string;
  actionsTaken?: string;
  immediateRisk?: string;
  toldDsl?: string;
}

export type ReportErrors = Partial<Record<keyof ReportDraft, string>>;

export const IMMEDIATE_ACTION =
  'If a child is in immediate danger, contact your designated safeguarding lead now, in person or by phone. If a life is at risk, call 999 first.';

export const IMAGES_WARNING =
  'Never screenshot, save, copy or forward images that may be indecent images of a child, even to report them. Describe what you saw instead, and tell the DSL.';

const NAMES_HELP =
  'Give full names and year group or class, for example "Sam Taylor, Year 9". Initials are not enough: they cannot be matched reliably to a pupil\'s record and chronology.';

function fieldError(errors: ReportErrors, field: keyof ReportDraft): CardElement[] {
  const message = errors[field];
  return message ? [paragraph(message, { color: 'Attention', spacing: 'None', size: 'Small' })] : [];
}

function yesNo(id: keyof ReportDraft, label: string, value: string | undefined): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'expanded',
    isRequired: true,
    errorMessage: 'Choose yes or no',
    choices: [
      { title: 'Yes', value: 'yes' },
      { title: 'No', value: 'no' },
    ],
    ...(value ? { value } : {}),
  };
}

/**
 * The incident report form (Adaptive Card 1.5, Universal Actions). Errors from the server are
 * shown under their fields, and every value the person typed is put back.
 */
export function reportFormCard(
  draft: ReportDraft,
  errors: ReportErrors = {},
  banner?: string,
  /** The reporter's colleagues, for naming the adult a concern is about. */
  colleagues: Choice[] = [],
): AdaptiveCard {
  const text = (id: keyof ReportDraft, label: string, placeholder: string, extra: CardElement = {}): CardElement => ({
    type: 'Input.Text',
    id,
    label,
    placeholder,
    isMultiline: true,
    maxLength: REPORT_TEXT_LIMIT,
    ...(draft[id] ? { value: draft[id] } : {}),
    ...extra,
  });
  return adaptiveCard(
    [
      heading('Report an incident'),
      paragraph(IMMEDIATE_ACTION, { color: 'Attention', weight: 'Bolder' }),
      ...(banner ? [paragraph(banner, { color: 'Attention', weight: 'Bolder' })] : []),
      {
        type: 'Input.ChoiceSet',
        id: 'type',
        label: 'What happened?',
        isRequired: true,
        errorMessage: 'Choose what happened',
        choices: INCIDENT_TYPE_IDS.map((id) => ({ title: INCIDENT_TYPES[id].label, value: id })),
        ...(draft.type ? { value: draft.type } : {}),
      },
      ...fieldError(errors, 'type'),
      {
        // Static typeahead: server-driven Data.Query search needs Adaptive Cards 1.6.
        type: 'Input.ChoiceSet',
        id: 'subject',
        label: 'Only for a concern about an adult: who is it about?',
        style: 'filtered',
        placeholder: 'Start typing their name',
        choices: [{ title: 'Someone not on the staff list', value: NOT_ON_STAFF_LIST }, ...colleagues],
        ...(draft.subject ? { value: draft.subject } : {}),
      },
      paragraph('The person you name is never shown this report. It goes to the headteacher.', {
        isSubtle: true,
        size: 'Small',
        spacing: 'None',
      }),
      ...fieldError(errors, 'subject'),
      {
        type: 'Input.ChoiceSet',
        id: 'platform',
        label: 'Where? (platform or app)',
        isRequired: true,
        errorMessage: 'Choose the platform',
        choices: PLATFORMS.map((p) => ({ title: p, value: p })),
        ...(draft.platform ? { value: draft.platform } : {}),
      },
      ...fieldError(errors, 'platform'),
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.Date',
                id: 'occurredOn',
                label: 'When did it happen?',
                ...(draft.occurredOn ? { value: draft.occurredOn } : {}),
              },
            ],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.Time',
                id: 'occurredTime',
                label: 'Time (if known)',
                ...(draft.occurredTime ? { value: draft.occurredTime } : {}),
              },
            ],
          },
        ],
      },
      ...fieldError(errors, 'occurredOn'),
      text('people', 'Pupils or people involved', 'Full name and year group or class of each person', {
        isRequired: true,
        errorMessage: 'Name the people involved',
      }),
      paragraph(NAMES_HELP, { isSubtle: true, size: 'Small', spacing: 'None' }),
      ...fieldError(errors, 'people'),
      text(
        'description',
        `What happened, in your own words (up to ${REPORT_TEXT_LIMIT.toLocaleString('en-GB')} characters)`,
        'What you saw or were told, and by whom',
        {
          isRequired: true,
          errorMessage: 'Describe what happened',
        },
      ),
      ...fieldError(errors, 'description'),
      paragraph(IMAGES_WARNING, { color: 'Attention', size: 'Small' }),
      text('actionsTaken', 'What have you done so far?', 'For example: did not accept, took a screenshot, blocked'),
      ...fieldError(errors, 'actionsTaken'),
      yesNo('immediateRisk', 'Is a child at immediate risk of harm?', draft.immediateRisk),
      ...fieldError(errors, 'immediateRisk'),
      yesNo('toldDsl', 'Have you already told a safeguarding lead in person?', draft.toldDsl),
      ...fieldError(errors, 'toldDsl'),
      paragraph('Screenshots: after you send this report, attach them in this chat and they are added to it.', {
        isSubtle: true,
        size: 'Small',
      }),
    ],
    [
      {
        type: 'Action.Execute',
        verb: REPORT_SUBMIT_VERB,
        title: 'Send report',
        style: 'positive',
        data: { draftId: draft.draftId },
      },
    ],
  );
}

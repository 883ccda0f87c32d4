import { adaptiveCard, paragraph } from '../../src/cards/elements.ts';
import { closedNoticeCard, incidentAlertCard, readReceiptCard } from '../../src/cards/incident-alert.ts';
import { myReportsCard } from '../../src/cards/my-reports.ts';
import { reportConfirmationCard } from '../../src/cards/report-confirmation.ts';
import { reportFormCard } from '../../src/cards/report-form.ts';
import { helpCard, welcomeCard } from '../../src/cards/welcome.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { SAMPLE_ALERT } from '../helpers/fixtures.ts';

describe('Adaptive Card checks', () => {
  test('the checker really catches bad cards: unknown elements, 1.6-only features and bad values', () => {
    expect(adaptiveCardProblems(adaptiveCard([{ type: 'Carousel' }]))).not.toEqual([]);
    expect(adaptiveCardProblems(adaptiveCard([paragraph('x', { size: 'Enormous' })]))).not.toEqual([]);
    expect(adaptiveCardProblems(adaptiveCard([{ type: 'Input.Text' }]))).not.toEqual([]);
  });

  test('welcome and help cards are valid Adaptive Card 1.5, with and without a known person', () => {
    const cards = [
      welcomeCard({ hubUrl: 'https://hub.example/tab/' }),
      welcomeCard({
        hubUrl: 'https://hub.example/tab/',
        name: 'Jordan',
        dslName: 'Morgan Hale',
      }),
      helpCard({ hubUrl: 'https://hub.example/tab/', notUnderstood: true }),
    ];
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('incident cards', () => {
  const alert = SAMPLE_ALERT;
  test.each([
    ['the empty report form', reportFormCard({ draftId: 'd' })],
    [
      'the form with errors and values',
      reportFormCard({ draftId: 'd', people: 'R.B.', type: 'other' }, { people: 'Use full names' }, 'Please check'),
    ],
    [
      'the confirmation',
      reportConfirmationCard({
        reference: 'INC-2026-0007',
        type: 'friend-request',
        urgent: true,
        savedAt: new Date(),
        alerted: 2,
        alertedTo: { roles: ['DSL'] },
        advice: ['Do not accept the request.'],
        delivery: { state: 'sending' },
      }),
    ],
    [
      'the confirmation once the alert arrived',
      reportConfirmationCard({
        reference: 'INC-2026-0007',
        type: 'friend-request',
        urgent: false,
        savedAt: new Date(),
        alerted: 2,
        alertedTo: { roles: ['DSL'] },
        advice: ['Do not accept the request.'],
        delivery: { state: 'delivered', at: new Date() },
      }),
    ],
    ['a new alert', incidentAlertCard({ ...alert, urgent: false })],
    ['an urgent alert', incidentAlertCard({ ...alert, urgent: true })],
    ['a chasing alert', incidentAlertCard({ ...alert, urgent: false, escalation: 'headteacher' })],
    ['the read receipt', readReceiptCard('INC-2026-0007')],
    ['the closed notice', closedNoticeCard('INC-2026-0007')],
    [
      'my reports',
      myReportsCard([{ reference: 'INC-2026-0007', typeLabel: 'Other', status: 'read' }], 'https://hub/tab/'),
    ],
  ])('%s is valid Adaptive Card 1.5', (_name, card) => {
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

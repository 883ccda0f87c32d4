import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { reportConfirmationCard } from '../../src/cards/report-confirmation.ts';
import { reportFormCard } from '../../src/cards/report-form.ts';
import { launchChromium } from '../../src/cli/chromium.ts';
import { TELL_DSL_NOW } from '../../src/domain/incidents/catalogue.ts';
import { assessReport } from '../../src/domain/incidents/classification.ts';
import { ROOT } from '../helpers/app.ts';
import { renderCard } from '../helpers/card-renderer.ts';

/**
 * The report form for a disclosure and its confirmation, rendered as Teams renders them, from a
 * self-harm disclosure a hurried reporter sent with "immediate risk: No".
 */
const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });
const WORDS = 'a girl in my form messaged me on snapchat that she has started cutting herself again';
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser.close();
});

test('the form opens with "tell a DSL in person now", and the confirmation says who was alerted and never says block', async () => {
  const form = await renderCard(
    browser,
    reportFormCard(
      { draftId: 'd', type: 'wellbeing-disclosure', platform: 'Snapchat', description: WORDS },
      {},
      TELL_DSL_NOW,
    ),
    join(SHOTS, 'report-form-disclosure.png'),
  );
  expect(form.text.indexOf('Tell a designated safeguarding lead in person now')).toBeLessThan(
    form.text.indexOf('What happened?'),
  );

  const assessed = assessReport({
    type: 'wellbeing-disclosure',
    description: WORDS,
    people: 'unknown',
    immediateRisk: false,
  });
  expect(assessed.urgent).toBe(true);
  const confirmation = await renderCard(
    browser,
    reportConfirmationCard({
      reference: 'INC-2026-0042',
      type: 'wellbeing-disclosure',
      urgent: assessed.urgent,
      savedAt: new Date('2026-12-07T16:05:00Z'),
      alerted: 2,
      alertedTo: { roles: ['DSL'] },
      advice: assessed.advice,
      delivery: { state: 'sending' },
    }),
    join(SHOTS, 'report-confirmation-disclosure.png'),
  );
  expect(confirmation.text).toMatch(/An alert is on its way to the designated safeguarding leads/);
  expect(confirmation.text).toMatch(/Tell a designated safeguarding lead in person now/);
  expect(confirmation.text).not.toMatch(/block/i);
});

test('where a sexual image of a child may be involved, the confirmation does not invite screenshots', async () => {
  const assessed = assessReport({
    type: 'other',
    description: 'boys in year 10 are passing round a nude of a girl in their year',
    people: 'unknown',
    immediateRisk: false,
  });
  const { text } = await renderCard(
    browser,
    reportConfirmationCard({
      reference: 'INC-2026-0043',
      type: 'sexual-images',
      urgent: assessed.urgent,
      savedAt: new Date('2026-12-07T16:05:00Z'),
      alerted: 1,
      alertedTo: { roles: ['DSL'] },
      advice: assessed.advice,
      delivery: { state: 'sending' },
    }),
    join(SHOTS, 'report-confirmation-images.png'),
  );
  expect(text).toMatch(/Do not view, copy, screenshot/);
  expect(text).toMatch(/Do not send screenshots of any image of the child here/);
  expect(text).not.toMatch(/Screenshots: send them/);
});

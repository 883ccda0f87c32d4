import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { RATE_LIMITS } from '../../src/rate-limits.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { activity, cardText, cardsOf, executeAction, postActivity } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

/** Per-person limits on reports, questions and searches, and what a person sees when they reach one. */
jest.setTimeout(120_000);
let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.stop());

const STAFF = teamsUser('Staff');
const DSL = teamsUser('DSL');

test('a flood of reports from one person is held back with the form kept; others can still report', async () => {
  for (let i = 0; i < RATE_LIMITS.report.points; i++) {
    const { body } = await executeAction(t.base, REPORT_SUBMIT_VERB, friendRequestForm(), { from: STAFF });
    expect(cardText(body.value)).toMatch(/INC-\d{4}-\d{4}/);
  }
  const held = friendRequestForm();
  const { body } = await executeAction(t.base, REPORT_SUBMIT_VERB, held, { from: STAFF });
  const text = cardText(body.value);
  expect(text).toMatch(/You have sent many reports in a few minutes, so this one was not saved yet/);
  expect(text).toMatch(/speak to your designated safeguarding lead/);
  // Nothing typed is lost: the form comes back with the answers in it.
  expect(JSON.stringify(body.value)).toContain(held.description);
  expect(await t.app.services.store.incidents.get(`incident-${held.draftId}`)).toBeUndefined();

  const other = await executeAction(t.base, REPORT_SUBMIT_VERB, friendRequestForm(), { from: DSL });
  expect(cardText(other.body.value)).toMatch(/INC-\d{4}-\d{4}/);
});

test('policy questions to the bot are limited per person', async () => {
  const ask = async () =>
    cardsOf(
      (await postActivity(t.base, activity({ text: 'can I follow an ex-pupil on Instagram?', from: DSL }))).replies,
    )
      .map(cardText)
      .join(' ');
  for (let i = 0; i < RATE_LIMITS.question.points; i++) expect(await ask()).not.toMatch(/a lot of questions/);
  expect(await ask()).toMatch(/That is a lot of questions in a few minutes\. Ask again in \d+ (minutes|seconds)/);
});

test('the policy search answers 429 with Retry-After once the limit is reached', async () => {
  const token = await t.signIn(DEMO_PERSONAS.SLT);
  const search = () => t.get('/api/v1/policy/search?q=friend%20request', token);
  for (let i = 0; i < RATE_LIMITS.search.points; i++) expect((await search()).status).toBe(200);
  const limited = await search();
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
});

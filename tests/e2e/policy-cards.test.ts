import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ASK_SLT_VERB, policyAnswerCard } from '../../src/cards/policy-answer.ts';
import { launchChromium } from '../../src/cli/chromium.ts';
import { buildPolicyIndex } from '../../src/policy/answer.ts';
import { parsePolicy } from '../../src/policy/passages.ts';
import { ROOT } from '../helpers/app.ts';
import { renderCard } from '../helpers/card-renderer.ts';

/**
 * The policy answer card and the decline card, rendered by the Adaptive Cards renderer in Chromium
 * (as Teams renders them) from the sample policy's own answers, and screenshotted.
 */
const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });
const index = buildPolicyIndex(parsePolicy(readFileSync(join(ROOT, 'src/seed/sample-policy.md'), 'utf8')));
const sectionUrl = (id: string) => `https://hub.example.sch.uk/tab/#/policy/${id}`;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser.close();
});

const render = (card: object, shot: string) => renderCard(browser, card, join(SHOTS, shot));

test('the answer card quotes the section; the decline card says so, offers what may be related, and Ask SLT', async () => {
  const answer = index.answer('Can I follow an ex-pupil on Instagram?');
  expect(answer.answered).toBe(true);
  const answered = await render(
    policyAnswerCard({ answer, questionId: 'q-1', readUrl: sectionUrl(answer.sectionId), sectionUrl }),
    'policy-answer-card.png',
  );
  expect(answered.text).toContain('From the policy');
  expect(answered.text).toContain(answer.passage);
  expect(answered.actions).toEqual(expect.arrayContaining(['Read it in context', 'Ask SLT']));

  const declined = index.answer('When is the staff car park locked at night?');
  expect(declined.answered).toBe(false);
  expect(declined.suggestions.length).toBeGreaterThan(0);
  const card = policyAnswerCard({ answer: declined, questionId: 'q-2', readUrl: sectionUrl(''), sectionUrl });
  const shown = await render(card, 'policy-decline-card.png');
  expect(shown.text).toContain('I could not find this in the policy');
  expect(shown.text).toContain('These parts of the policy may be related:');
  for (const s of declined.suggestions) expect(shown.actions).toContain(`Read “${s.heading}”`);
  expect(shown.actions).toContain('Ask SLT');
  expect(JSON.stringify(card)).toContain(ASK_SLT_VERB);
}, 60_000);

test('a close call quotes both parts as possible answers; a question too general to answer asks for more', async () => {
  const close = index.answer('Can we say where a pupil lives in a post?');
  expect(close).toMatchObject({ answered: true, closeCall: true });
  const both = await render(
    policyAnswerCard({ answer: close, questionId: 'q-3', readUrl: sectionUrl(close.sectionId), sectionUrl }),
    'policy-close-call-card.png',
  );
  expect(both.text).toContain('Two parts of the policy may answer this');
  expect(both.text).toContain(close.passage);
  const second = close.alternates[0]!;
  expect(both.text).toContain(second.passage);
  expect(both.text).toContain(`Section ${second.clause}, ${second.heading}`);
  expect(both.actions).toEqual(expect.arrayContaining([`Read “${second.heading}”`, 'Read it in context', 'Ask SLT']));

  const general = index.answer('Someone got into my Facebook account, what do I do?');
  expect(general).toMatchObject({ answered: false, tooGeneral: true });
  const more = await render(
    policyAnswerCard({ answer: general, questionId: 'q-4', readUrl: sectionUrl(''), sectionUrl }),
    'policy-too-general-card.png',
  );
  expect(more.text).toContain('Can you say a little more?');
  expect(more.text).toContain('These parts of the policy may be related:');
  expect(more.actions).toContain('Ask SLT');
}, 60_000);

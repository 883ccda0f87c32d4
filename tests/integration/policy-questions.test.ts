import { teamsUser } from '../helpers/personas.ts';
import { randomUUID } from 'node:crypto';
import { POLICY_FEEDBACK_VERB } from '../../src/cards/policy-answer.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { activity, cardInputs, cardText, cardsOf, executeAction, postActivity } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';

const STAFF = teamsUser('Staff');
const DSL = teamsUser('DSL');

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.stop();
});

const ask = async (text: string, from = STAFF) => (await postActivity(t.base, activity({ text, from }))).replies;
const actionData = (card: Record<string, unknown>, title: string) =>
  ((card.actions as { title: string; data?: Record<string, unknown>; url?: string }[]) ?? []).find(
    (a) => a.title === title,
  );

describe('policy questions in personal chat', () => {
  test('a question is answered with the policy’s own words, the section, and a link to read it in context', async () => {
    const [card] = cardsOf(await ask('Can I accept a friend request from a pupil?'));
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Section 6.1, 6. Staff use of personal social media');
    expect(text).toContain('Staff must not accept friend requests or follow requests from current pupils');
    expect(actionData(card!, 'Read it in context')?.url).toMatch(
      /\/tab\/#\/policy\/6-staff-use-of-personal-social-media$/,
    );
    const [question] = await t.app.services.store.questions.listAll({ where: { askerId: DEMO_PERSONAS.Staff } });
    expect(question).toMatchObject({ text: 'Can I accept a friend request from a pupil?', status: 'answered' });
  });

  test('a question the policy does not cover gets no confident wrong answer, and is kept as a gap', async () => {
    const [card] = cardsOf(await ask('How much annual leave do I get?'));
    expect(cardText(card)).toContain('I could not find this in the policy');
    const questions = await t.app.services.store.questions.listAll({ where: { status: 'unanswered' } });
    expect(questions.map((q) => q.text)).toContain('How much annual leave do I get?');
  });

  test('a question that describes something that happened gets the answer and then the report form, pre-filled', async () => {
    const text = 'Can I accept a friend request from a pupil? A pupil in Year 9 added me last night on Instagram';
    const replies = await ask(text);
    const [answer, form] = cardsOf(replies);
    expect(cardText(answer)).toContain('Staff must not accept friend requests');
    expect(replies.map((r) => r.text).join(' ')).toMatch(/sounds as if this has already happened/);
    expect(adaptiveCardProblems(form)).toEqual([]);
    const inputs = cardInputs(form);
    expect(inputs.type?.value).toBe('friend-request');
    expect(inputs.platform?.value).toBe('Instagram');
    expect(inputs.description?.value).toBe(text);
  });

  test('a question about something that has happened starts a report even when the policy cannot answer it', async () => {
    const text = 'Someone has got into my Facebook account, what do I do?';
    const replies = await ask(text);
    const [answer, form] = cardsOf(replies);
    // Every word of it is all over the policy, so the bot asks for more rather than guess...
    expect(cardText(answer)).toContain('Can you say a little more?');
    // ...and the report is offered all the same, with the person's words in it.
    expect(replies.map((r) => r.text).join(' ')).toMatch(/sounds as if this has already happened/);
    expect(adaptiveCardProblems(form)).toEqual([]);
    expect(cardInputs(form)).toMatchObject({
      type: { value: 'compromised-account' },
      platform: { value: 'Facebook' },
      description: { value: text },
    });
  });

  test('senior leaders can ask the bot to be very sure before it answers; the search box follows it too', async () => {
    // Answered, but only just (fairly sure is the default).
    const question = "I'm leaving the school and I run the sports account, what happens to it?";
    expect(cardText(cardsOf(await ask(question))[0])).toContain('From the policy');
    const put = async (token: string, certainty: string) =>
      t.put('/api/v1/schools/school-oakfield/policy-answers', { certainty }, token);
    expect((await put(await t.signIn(DEMO_PERSONAS.Staff), 'very-sure')).status).toBe(403);
    expect((await put(await t.signIn(DEMO_PERSONAS.SLT), 'certain')).status).toBe(400);
    const set = await put(await t.signIn(DEMO_PERSONAS.SLT), 'very-sure');
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ certainty: 'very-sure' });

    const declined = cardText(cardsOf(await ask(question))[0]);
    expect(declined).toContain('I could not find this in the policy');
    // The passage it would have given is still offered, marked as only possibly related.
    expect(declined).toContain('These parts of the policy may be related:');
    expect(declined).toContain('4. Setting up and running official accounts');
    const search = await t.get(
      `/api/v1/policy/search?q=${encodeURIComponent(question)}`,
      await t.signIn(DEMO_PERSONAS.Staff),
    );
    expect(((await search.json()) as { answered: boolean }).answered).toBe(false);
    const audit = (await t.app.services.store.audit.listAll({ where: { targetId: 'school-oakfield' } })).find(
      (a) => a.action === 'school.policy-answers.changed',
    );
    expect(audit?.detail).toEqual({ from: { certainty: 'fairly-sure' }, to: { certainty: 'very-sure' } });
  });

  test('"Helpful" and "Not helpful" are stored for the asker only; the answer stays on the card', async () => {
    const [card] = cardsOf(await ask('How often is the policy reviewed?'));
    const data = actionData(card!, 'Not helpful')!.data!;
    const crafted = await executeAction(t.base, POLICY_FEEDBACK_VERB, data, { from: DSL });
    expect(cardText(crafted.body.value)).toMatch(/no longer available/);
    const { body } = await executeAction(t.base, POLICY_FEEDBACK_VERB, data, { from: STAFF });
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    expect(cardText(body.value)).toContain('This policy is reviewed every year');
    expect(cardText(body.value)).toContain('Thank you');
    expect(actionData(body.value, 'Helpful')).toBeUndefined();
    const question = await t.app.services.store.questions.require(String(data.questionId));
    expect(question.feedback).toBe('not-helpful');
    const missing = await executeAction(
      t.base,
      POLICY_FEEDBACK_VERB,
      { questionId: randomUUID(), helpful: true },
      { from: STAFF },
    );
    expect(cardText(missing.body.value)).toMatch(/no longer available/);
  });

  test('the policy page API gives the sections the links point to', async () => {
    const res = await t.get('/api/v1/policy', await t.signIn(DEMO_PERSONAS.Staff));
    const policy = (await res.json()) as { sections: { id: string; passages: { clause?: string }[] }[] };
    const section = policy.sections.find((s) => s.id === '6-staff-use-of-personal-social-media');
    expect(section?.passages.map((p) => p.clause)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6']);
  });

  test('the policy page’s search answers the same way without recording a question', async () => {
    const token = await t.signIn(DEMO_PERSONAS.HR);
    const before = (await t.app.services.store.questions.listAll()).length;
    const res = await t.get(
      `/api/v1/policy/search?q=${encodeURIComponent('can I use the school logo on my profile?')}`,
      token,
    );
    expect(await res.json()).toMatchObject({
      answered: true,
      clause: '6.4',
      sectionId: '6-staff-use-of-personal-social-media',
    });
    expect((await t.app.services.store.questions.listAll()).length).toBe(before);
    expect((await t.get('/api/v1/policy/search?q=a', token)).status).toBe(400);
  });
});

import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { ASK_SLT_VERB } from '../../src/cards/policy-answer.ts';
import { SLT_ANSWER_VERB } from '../../src/cards/slt-question.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { cardInputs, cardText, executeAction } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { appWithConnector, sayThroughConnector, postedTo, cardIn } from '../helpers/connector.ts';

const STAFF = teamsUser('Staff');
const SLT = teamsUser('SLT');
const DSL = teamsUser('DSL');
const STAFF_CHAT = 'a:jordan-chat';
const SLT_CHANNEL = '19:slt-channel@thread.tacv2';

jest.setTimeout(60_000);

const env = appWithConnector();

const say = (from: Record<string, unknown>, text: string, conversation: Record<string, unknown>) =>
  sayThroughConnector(env, from, text, conversation);

describe('asking SLT when the policy does not settle it', () => {
  test('a leader sets up the SLT channel; a staff question goes there, is answered on the card, and the answer reaches the asker', async () => {
    // Only a senior leader can choose the channel.
    await say(DSL, '<at>Policy Hub</at> set up SLT questions', { id: SLT_CHANNEL, conversationType: 'channel' });
    await env.connector.waitFor(postedTo(SLT_CHANNEL, 'Only a member of the senior leadership team'));
    await say(SLT, '<at>Policy Hub</at> set up SLT questions', { id: SLT_CHANNEL, conversationType: 'channel' });
    await env.connector.waitFor(postedTo(SLT_CHANNEL, 'staff questions for the senior leadership team will be posted'));

    await say(STAFF, 'Can I wear jeans on non-uniform day?', { id: STAFF_CHAT, conversationType: 'personal' });
    const answer = cardIn(await env.connector.waitFor(postedTo(STAFF_CHAT, 'I could not find this in the policy')))!;
    const ask = (answer.actions as { title: string; data: Record<string, unknown> }[]).find(
      (a) => a.title === 'Ask SLT',
    )!;

    // The button is pressed in the same chat, so the bot's later message finds its way back there.
    const inStaffChat = {
      from: STAFF,
      serviceUrl: env.connector.url,
      conversation: { id: STAFF_CHAT, conversationType: 'personal' },
    };
    const asked = await executeAction(env.app.base, ASK_SLT_VERB, ask.data, inStaffChat);
    expect(cardText(asked.body.value)).toContain('Sent to the senior leadership team');
    expect(JSON.stringify(asked.body.value)).not.toContain('"Ask SLT"');
    // Pressing it again does not post it twice.
    await executeAction(env.app.base, ASK_SLT_VERB, ask.data, inStaffChat);

    const posted = await env.connector.waitFor(postedTo(SLT_CHANNEL, 'A question for SLT'));
    const sltCard = cardIn(posted)!;
    expect(adaptiveCardProblems(sltCard)).toEqual([]);
    expect(cardText(sltCard)).toContain('Jordan Ellery asked:');
    expect(cardText(sltCard)).toContain('Can I wear jeans on non-uniform day?');
    expect(cardInputs(sltCard).answer?.type).toBe('Input.Text');
    const questionId = String(ask.data.questionId);

    // Someone who is not a senior leader cannot answer, even with a crafted card action.
    for (const who of [inStaffChat, { from: DSL }]) {
      const refused = await executeAction(env.app.base, SLT_ANSWER_VERB, { questionId, answer: 'Yes, go ahead.' }, who);
      expect(cardText(refused.body.value)).toMatch(/Only the senior leadership team/);
    }
    const empty = await executeAction(env.app.base, SLT_ANSWER_VERB, { questionId, answer: ' ' }, { from: SLT });
    expect(cardText(empty.body.value)).toContain('Write an answer before sending it.');

    const reply = 'Yes: non-uniform days follow the usual dress code guidance, so smart jeans are fine.';
    const answered = await executeAction(env.app.base, SLT_ANSWER_VERB, { questionId, answer: reply }, { from: SLT });
    expect(cardText(answered.body.value)).toContain('Answered by Priya Whitlock:');
    expect(cardInputs(answered.body.value).answer).toBeUndefined();

    const delivered = await env.connector.waitFor(postedTo(STAFF_CHAT, 'Your question has been answered'));
    expect(adaptiveCardProblems(cardIn(delivered))).toEqual([]);
    expect(cardText(cardIn(delivered))).toContain(reply);
    expect(await env.app.app.services.store.questions.require(questionId)).toMatchObject({
      status: 'answered',
      answer: reply,
      answeredById: DEMO_PERSONAS.SLT,
    });
    expect(env.connector.received.filter(postedTo(SLT_CHANNEL, 'A question for SLT'))).toHaveLength(1);
  });

  test('a staff member cannot send someone else’s question to SLT', async () => {
    const question = await env.app.app.services.store.questions.create({
      schoolId: 'school-oakfield',
      askerId: DEMO_PERSONAS.SLT,
      text: 'A question asked by someone else',
      status: 'unanswered',
    });
    const { body } = await executeAction(env.app.base, ASK_SLT_VERB, { questionId: question.id }, { from: STAFF });
    expect(cardText(body.value)).toMatch(/no longer available/);
    expect((await env.app.app.services.store.questions.require(question.id)).status).toBe('unanswered');
  });

  test('senior leaders see the policy’s gaps in the tab API; staff and other schools’ leaders cannot', async () => {
    await say(STAFF, 'Where can I leave my bike during the day?', { id: STAFF_CHAT, conversationType: 'personal' });
    await env.app.app.services.store.questions.create({
      schoolId: 'school-oakfield',
      askerId: DEMO_PERSONAS.Staff,
      text: 'Can I wear jeans on non-uniform day?',
      status: 'answered',
      answer: 'Yes, smart jeans are fine.',
      answeredById: DEMO_PERSONAS.SLT,
      answeredAt: '2026-11-30T10:00:00.000Z',
    });
    const res = await env.app.get('/api/v1/questions', await env.app.signIn(DEMO_PERSONAS.SLT));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { text: string; askedBy: string; status: string; answeredBy?: string }[];
    };
    expect(items.find((q) => q.text === 'Where can I leave my bike during the day?')).toMatchObject({
      askedBy: 'Jordan Ellery',
      status: 'unanswered',
    });
    // The question SLT answered stays on the list, marked with who answered it.
    expect(items.find((q) => q.text === 'Can I wear jeans on non-uniform day?')).toMatchObject({
      answeredBy: 'Priya Whitlock',
    });
    expect((await env.app.get('/api/v1/questions', await env.app.signIn(DEMO_PERSONAS.Staff))).status).toBe(403);
    const river = await env.app.signIn('person-river-head');
    expect((await env.app.get('/api/v1/questions?schoolId=school-oakfield', river)).status).toBe(403);
  });
});

describe('asking SLT in a school with no SLT channel', () => {
  const fresh = appWithConnector();

  test('the question goes to each senior leader’s own chat instead, and waits for those who have not opened the bot', async () => {
    await sayThroughConnector(fresh, SLT, 'hi', { id: 'a:priya-chat', conversationType: 'personal' });
    await sayThroughConnector(fresh, STAFF, 'Can I wear jeans on non-uniform day?', {
      id: STAFF_CHAT,
      conversationType: 'personal',
    });
    const answer = cardIn(await fresh.connector.waitFor(postedTo(STAFF_CHAT, 'I could not find this')))!;
    const ask = (answer.actions as { title: string; data: Record<string, unknown> }[]).find(
      (a) => a.title === 'Ask SLT',
    )!;
    await executeAction(fresh.app.base, ASK_SLT_VERB, ask.data, {
      from: STAFF,
      serviceUrl: fresh.connector.url,
      conversation: { id: STAFF_CHAT, conversationType: 'personal' },
    });
    const posted = await fresh.connector.waitFor(postedTo('a:priya-chat', 'A question for SLT'));
    expect(cardText(cardIn(posted))).toContain('Can I wear jeans on non-uniform day?');
    // The headteacher, also a senior leader, has never opened the bot: theirs stays queued, not lost.
    // Both were tried in the same round; once it is over, the second attempt is recorded.
    const store = fresh.app.app.services.store;
    await fresh.app.app.dispatcher.idle();
    const queued = await store.outbox.listAll({ where: { topic: 'question.for-slt' } });
    expect(queued.map((o) => o.payload.conversationId).sort()).toEqual([
      'person-person-demo-slt',
      'person-person-oak-head',
    ]);
    expect(queued.find((o) => o.payload.conversationId === 'person-person-oak-head')).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/has not opened a chat/),
    });
  });
});

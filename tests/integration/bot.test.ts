import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { activity, cardText, cardsOf, postActivity } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { startTestApp, TENANT_BOT_ENV, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
  // Give the Staff persona a Teams identity so the bot can recognise them.
  const staff = await t.app.services.store.people.require(DEMO_PERSONAS.Staff);
  await t.app.services.store.people.update(staff, { aadObjectId: '00000000-0000-4000-8000-00000000aaaa' });
});
afterEach(async () => {
  await t.stop();
});

describe('bot over /api/messages', () => {
  test('a greeting gets the welcome card with the safeguarding line, as valid Adaptive Card 1.5', async () => {
    const { status, replies } = await postActivity(t.base, activity({ text: 'Hello' }));
    expect(status).toBe(200);
    const [card] = cardsOf(replies);
    expect(card).toBeDefined();
    expect(card!.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Hello Test User');
    expect(text).toMatch(/call 999/);
  });

  test('a known member of staff is greeted by name and told who their DSL is', async () => {
    const { replies } = await postActivity(
      t.base,
      activity({
        text: 'hi',
        from: { id: '29:jordan', name: 'Teams name', aadObjectId: '00000000-0000-4000-8000-00000000aaaa' },
      }),
    );
    const text = cardText(cardsOf(replies)[0]);
    expect(text).toContain('Hello Jordan');
    expect(text).toContain("I help you follow Oakfield Primary School's social media policy.");
    expect(text).toContain('Your designated safeguarding lead is Morgan Hale.');
    const refs = await t.app.services.store.conversationRefs.get(`person-${DEMO_PERSONAS.Staff}`);
    expect(refs?.reference).toMatchObject({ conversation: { id: 'a:personal-conversation' } });
  });

  test('a school that chooses Welsh gets the welcome and help in Welsh, and the tab is told', async () => {
    const slt = await t.signIn(DEMO_PERSONAS.SLT);
    const set = await fetch(`${t.base}/api/v1/schools/school-oakfield/language`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${slt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'cy' }),
    });
    expect(set.status).toBe(200);
    const jordan = { id: '29:jordan', name: 'Teams name', aadObjectId: '00000000-0000-4000-8000-00000000aaaa' };
    const welcome = cardText(
      cardsOf((await postActivity(t.base, activity({ text: 'helo', from: jordan }))).replies)[0],
    );
    expect(welcome).toContain('Helo Jordan');
    expect(welcome).toContain('Eich person diogelu dynodedig yw Morgan Hale.');
    expect(welcome).toMatch(/ffoniwch 999 yn gyntaf/);
    const help = cardsOf((await postActivity(t.base, activity({ text: 'help', from: jordan }))).replies)[0];
    expect(cardText(help)).toContain('Sut gallaf helpu');
    expect(adaptiveCardProblems(help)).toEqual([]);
    // The commands themselves stay as the bot understands them.
    expect(JSON.stringify(help)).toContain('"title":"my reports"');
    const me = (await (
      await fetch(`${t.base}/api/v1/me`, {
        headers: { authorization: `Bearer ${await t.signIn(DEMO_PERSONAS.Staff)}` },
      })
    ).json()) as {
      language: string;
    };
    expect(me.language).toBe('cy');
    // Only the school's leaders choose it.
    const refused = await fetch(`${t.base}/api/v1/schools/school-oakfield/language`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await t.signIn(DEMO_PERSONAS.Staff)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en-GB' }),
    });
    expect(refused.status).toBe(403);
  });

  test('"help" lists what the bot does; anything it does not understand says so and shows help', async () => {
    const help = cardsOf((await postActivity(t.base, activity({ text: 'help' }))).replies)[0];
    expect(adaptiveCardProblems(help)).toEqual([]);
    expect(cardText(help)).not.toMatch(/didn't understand/);
    const unknown = cardsOf((await postActivity(t.base, activity({ text: 'what is the wifi password' }))).replies)[0];
    expect(cardText(unknown)).toMatch(/didn't understand/);
  });

  test('installing the bot in personal chat sends the welcome card', async () => {
    const { replies } = await postActivity(
      t.base,
      activity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:bot' }] }),
    );
    const [card] = cardsOf(replies);
    expect(cardText(card)).toContain('Social Media Policy Hub');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  test('markdown and mention markup in a display name is shown literally, never as a link', async () => {
    const { replies } = await postActivity(
      t.base,
      activity({ text: 'hi', from: { id: '29:x', name: '[click me](https://evil.example) <at>everyone</at>' } }),
    );
    const card = cardsOf(replies)[0]!;
    const greeting = JSON.stringify(card.body);
    expect(greeting).toContain('"type":"TextRun","text":"Hello [click me](https://evil.example) <at>everyone</at>"');
    const textBlocks = (card.body as { type: string; text?: string }[]).filter((e) => e.type === 'TextBlock');
    expect(textBlocks.some((b) => b.text?.includes('evil.example'))).toBe(false);
  });

  test('a malformed activity is refused with 400 and does not crash the server', async () => {
    const res = await fetch(`${t.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'no type, no conversation' }),
    });
    expect(res.status).toBe(400);
    expect((await postActivity(t.base, activity({ text: 'help' }))).status).toBe(200);
  });
});

describe('bot with credentials configured', () => {
  test('an unsigned activity is refused with 401 once the bot has an app id', async () => {
    const secured = await startTestApp(TENANT_BOT_ENV);
    try {
      const { status, replies } = await postActivity(secured.base, activity({ text: 'hi' }));
      expect(status).toBe(401);
      expect(replies).toEqual([]);
      // And the dev sign-in does not exist there at all.
      expect((await secured.post('/api/v1/dev/sign-in', { personId: DEMO_PERSONAS.DSL })).status).toBe(404);
    } finally {
      await secured.stop();
    }
  });
});

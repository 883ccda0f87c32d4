import { PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cardText } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { startPlayground, type Playground } from '../helpers/playground.ts';
import { freePort } from '../helpers/net.ts';

let t: TestApp;
let playground: Playground;
beforeAll(async () => {
  t = await startTestApp();
  playground = await startPlayground(`${t.base}/api/messages`, await freePort());
}, 30_000);
afterAll(async () => {
  // The Playground shows a bot message before it answers the bot's HTTP call, so stop our
  // server first: it waits for in-flight turns to finish sending before the Playground goes.
  await t?.stop();
  await playground?.stop();
});

describe('the bot in the Microsoft 365 Agents Playground', () => {
  test("the Playground's user is the demo member of staff, and is greeted with a valid card", async () => {
    expect(playground.currentUser.aadObjectId).toBe(PLAYGROUND_USER_IDS.Staff);
    const message = await playground.say('hello');
    const card = message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    expect(card).toBeDefined();
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Hello Jordan');
    expect(text).toContain('Your designated safeguarding lead is Morgan Hale.');
  }, 20_000);

  test('"help" answers with the help card', async () => {
    const message = await playground.say('help');
    expect(cardText(message.attachments?.[0]?.content)).toContain('How I can help');
  }, 20_000);
});

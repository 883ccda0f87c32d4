import { APPLICATION_DECIDE_VERB, APPLICATION_REFRESH_VERB } from '../../src/cards/application-approval.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';
import { cardText } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { freePort } from '../helpers/net.ts';
import { startPlayground, type Playground } from '../helpers/playground.ts';

const RUNNERS = ['person-oak-deputy-dsl', 'person-oak-chair'];

let t: TestApp;
let leader: Playground;
beforeAll(async () => {
  t = await startTestApp();
  // The Playground signed in as the demo senior leader (Priya Whitlock's directory id).
  leader = await startPlayground(`${t.base}/api/messages`, await freePort(), 'user-id-2');
}, 30_000);
afterAll(async () => {
  await t?.stop();
  await leader?.stop();
});

test('in the Agents Playground, a senior leader receives the approval card, gets the buttons on refresh and approves', async () => {
  await leader.say('hi');
  await makeRunnersReady(t, RUNNERS);
  // No SLT channel is set up, so each senior leader gets the card in their chat with the bot.
  const applicationId = await submitApplication(t, 'Oakfield Drama Club', RUNNERS);
  const posted = await leader.nextMessage(15_000);
  const card = posted.attachments?.[0]?.content;
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardText(card)).toContain('Account application: Oakfield Drama Club');

  const live = await leader.execute(posted.messageId!, APPLICATION_REFRESH_VERB, { applicationId });
  expect(adaptiveCardProblems(live.value)).toEqual([]);
  expect(cardText(live.value)).toContain('Approve');

  const decided = await leader.execute(posted.messageId!, APPLICATION_DECIDE_VERB, {
    applicationId,
    decision: 'approve',
    comment: 'A good way to share rehearsals.',
  });
  expect(cardText(decided.value)).toMatch(/Approved by Priya Whitlock at .*: A good way to share rehearsals\./);
  expect((await t.app.services.store.applications.require(applicationId)).status).toBe('approved');
}, 60_000);

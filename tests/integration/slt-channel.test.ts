import { teamsUser } from '../helpers/personas.ts';
import { sltChannelId } from '../../src/notifications/slt-destinations.ts';
import { activity } from '../helpers/bot.ts';
import { appWithConnector, sayThroughConnector } from '../helpers/connector.ts';

const SLT = teamsUser('SLT');
const DSL = teamsUser('DSL');
const env = appWithConnector();

/** What Teams sends when the app is added to a team: the bot among the members added, in the General channel. */
async function install(from: Record<string, unknown>, channelId: string) {
  const res = await fetch(`${env.app.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      activity({
        type: 'conversationUpdate',
        text: undefined,
        from,
        membersAdded: [{ id: '28:bot' }],
        serviceUrl: env.connector.url,
        deliveryMode: undefined,
        conversation: { id: channelId, conversationType: 'channel' },
      }),
    ),
  });
  expect(res.status).toBe(200);
}

const sltChannel = async () =>
  (await env.app.app.services.store.conversationRefs.get(sltChannelId('school-oakfield')))?.reference.conversation;

test('installed in a team by a senior leader, the app takes that channel for SLT’s cards, unless one was chosen', async () => {
  await install(DSL, '19:staffroom@thread.tacv2');
  expect(await sltChannel()).toBeUndefined();

  await install(SLT, '19:leadership@thread.tacv2');
  expect(await sltChannel()).toMatchObject({ id: '19:leadership@thread.tacv2' });
  await env.connector.waitFor(
    (r) =>
      r.path.includes('19:leadership@thread.tacv2') && String(r.body.text).includes('will be posted in this channel'),
  );

  // Installing in another team later does not move it; choosing a channel on purpose does.
  await install(SLT, '19:governors@thread.tacv2');
  expect(await sltChannel()).toMatchObject({ id: '19:leadership@thread.tacv2' });
  await sayThroughConnector(env, SLT, '<at>Policy Hub</at> set up SLT questions', {
    id: '19:slt-decisions@thread.tacv2',
    conversationType: 'channel',
  });
  expect(await sltChannel()).toMatchObject({ id: '19:slt-decisions@thread.tacv2' });
});

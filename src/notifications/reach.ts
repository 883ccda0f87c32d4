import type { Messenger, TeamsInstaller } from '../ports.ts';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Services } from '../services.ts';
import { DuplicateError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { asApp } from './graph-calls.ts';
import { personOfChat } from './recipients.ts';

/**
 * Gets a person ready to be reached before anything is sent: queued when they first hold a role
 * that receives alerts or requests (DSL, SLT, HR, Admin), so the first urgent alert does not wait
 * on installing the app.
 */
export const REACH_TOPIC = 'person.reach';

/** The roles whose holders the hub messages first. */
export const RECEIVING_ROLES = ['DSL', 'SLT', 'HR', 'Admin'] as const;

/**
 * Through Microsoft Graph, with application permission TeamsAppInstallation.ReadWriteSelfForUser.All:
 * look for the app among the person's installed apps, install it if absent (a 409 means another
 * instance just did: installed all the same).
 */
export function graphTeamsInstaller(client: Client, catalogAppId: string, manifestAppId: string): TeamsInstaller {
  const bind = { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogAppId}` };
  return {
    async installForTeam(teamId) {
      await asApp(() => client.api(`/teams/${encodeURIComponent(teamId)}/installedApps`).post(bind), {
        what: 'Teams refused to install the app in the SLT team',
        permission: 'TeamsAppInstallation.ReadWriteSelfForTeam.All',
        conflictIsDone: true,
      });
    },
    async primaryChannelOf(teamId) {
      const channel = (await asApp(() => client.api(`/teams/${encodeURIComponent(teamId)}/primaryChannel`).get(), {
        what: 'Teams refused to say which is the SLT team’s channel',
        permission: 'Channel.ReadBasic.All',
      })) as { id: string };
      return channel.id;
    },
    async installFor(aadObjectId) {
      const base = `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
      const refused = {
        what: 'Teams refused to install the app for them',
        permission: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
        conflictIsDone: true,
      };
      const installed = (await asApp(
        () =>
          client
            .api(base)
            .expand('teamsApp')
            .filter(`teamsApp/externalId eq '${manifestAppId.replace(/'/g, "''")}'`)
            .get(),
        refused,
      )) as { value: unknown[] };
      if (installed.value.length === 0) await asApp(() => client.api(base).post(bind), refused);
    },
  };
}

/**
 * The conversation to send to. A person's chat is started if they never wrote to the bot: the app
 * is installed for them, the Bot Connector opens the chat, and its reference is kept for next time.
 * Without a way to reach them (embedded, or no Entra account), the reason is thrown for the
 * delivery page to show.
 */
export async function conversationFor(
  services: Services,
  messenger: Messenger,
  conversationId: string,
): Promise<Rec<'conversationRefs'>> {
  const { store, installer, config } = services;
  const known = await store.conversationRefs.get(conversationId);
  if (known) return known;
  const sltSchool = /^channel-slt-(.+)$/.exec(conversationId)?.[1];
  if (sltSchool) return sltTeamChannel(services, conversationId, sltSchool);
  const personId = personOfChat(conversationId);
  if (!personId || !installer) {
    throw new Error('the recipient has not opened a chat with the bot yet, and the app cannot install itself here');
  }
  const person = await store.people.get(personId);
  if (!person?.aadObjectId)
    throw new Error('the recipient has no Entra account in the directory, so Teams cannot reach them');
  await installer.installFor(person.aadObjectId);
  const reference = await messenger.startPersonalChat(person.aadObjectId, config.tenantId ?? '');
  try {
    return await store.conversationRefs.create(
      { scope: 'person', personId: person.id, schoolId: person.schoolId, reference },
      conversationId,
    );
  } catch (err) {
    // Another instance started the same chat at the same moment: one chat all the same.
    if (err instanceof DuplicateError) return store.conversationRefs.require(conversationId);
    throw err;
  }
}

/**
 * The SLT channel of a school that names its SLT team (school settings): the app is installed in
 * the team, and the team's General channel becomes the SLT channel, so nobody has to type
 * "set up SLT questions" there first.
 */
async function sltTeamChannel(
  services: Pick<Services, 'config' | 'installer' | 'store'>,
  conversationId: string,
  schoolId: string,
): Promise<Rec<'conversationRefs'>> {
  const { store, installer, config } = services;
  const school = await store.schools.get(schoolId);
  if (!school?.teamId || !installer) {
    throw new Error('the school has no SLT channel set up, and no SLT team the app can install itself in');
  }
  await installer.installForTeam(school.teamId);
  const channelId = await installer.primaryChannelOf(school.teamId);
  const reference = {
    channelId: 'msteams',
    serviceUrl: config.bot.serviceUrl,
    conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: config.tenantId },
    bot: { id: config.bot.appId ? `28:${config.bot.appId}` : 'bot', name: 'Social Media Policy Hub' },
  };
  try {
    return await store.conversationRefs.create(
      { scope: 'channel', schoolId, channelPurpose: 'slt', reference },
      conversationId,
    );
  } catch (err) {
    if (err instanceof DuplicateError) return store.conversationRefs.require(conversationId);
    throw err;
  }
}

/**
 * Microsoft Graph's application permissions the server uses, what each is for, and whether the
 * settings call for it. Provisioning grants exactly these to the server's identity; the doctor
 * checks its token carries them.
 */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

type Settings = Record<string, string | undefined>;
/** Installing the app for people and feeds need the app's catalogue id; without it they are off. */
const reachesPeople = (env: Settings) => Boolean(env.TEAMS_CATALOG_APP_ID);
export const GRAPH_PERMISSIONS: { role: string; why: string; needed: (env: Settings) => boolean }[] = [
  {
    role: 'Sites.Selected',
    why: 'to keep the records on the SharePoint site',
    needed: (env) => env.STORE !== 'sqlite',
  },
  { role: 'User.Read.All', why: 'to read staff from Entra ID', needed: (env) => env.ENTRA_DIRECTORY_SYNC === 'true' },
  {
    role: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
    why: 'to reach staff who never opened the bot',
    needed: reachesPeople,
  },
  {
    role: 'TeamsAppInstallation.ReadWriteSelfForTeam.All',
    why: 'to post in the SLT team',
    needed: reachesPeople,
  },
  {
    role: 'Channel.ReadBasic.All',
    why: 'to find the SLT team’s channel',
    needed: reachesPeople,
  },
  {
    role: 'TeamsActivity.Send',
    why: 'to put alerts in the activity feed',
    needed: reachesPeople,
  },
  { role: 'Mail.Send', why: 'to email alerts nobody has read', needed: (env) => Boolean(env.ALERT_MAILBOX) },
];

export const neededPermissions = (env: Settings) => GRAPH_PERMISSIONS.filter((p) => p.needed(env));

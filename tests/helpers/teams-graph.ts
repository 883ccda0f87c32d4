import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { graphClient } from '../../src/people/entra-directory.ts';
import { ROOT } from './app.ts';
import { selfSignedCertificate } from './self-signed.ts';

/**
 * A local HTTPS stand-in for Microsoft Graph's Teams app installation for users, in Graph's
 * documented shapes: list a user's installed apps ($expand=teamsApp, $filter on
 * teamsApp/externalId), install one (201 with no body; 409 when already installed; 404 for an app
 * the catalogue lacks), and 403 with Graph's error body when the app was not granted the
 * permission. Permissions are granted per test.
 */
export const INSTALL_PERMISSION = 'TeamsAppInstallation.ReadWriteSelfForUser.All';
export const FEED_PERMISSION = 'TeamsActivity.Send';
export const MAIL_PERMISSION = 'Mail.Send';
export const TEAM_INSTALL_PERMISSION = 'TeamsAppInstallation.ReadWriteSelfForTeam.All';
export const CHANNEL_PERMISSION = 'Channel.ReadBasic.All';
/** A team's General channel id, as Teams forms them. */
export const generalChannelOf = (teamId: string) => `19:general-${teamId}@thread.tacv2`;

export interface SentMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SentNotification {
  userId: string;
  activityType: string;
  previewText: string;
  webUrl: string;
  templateParameters: Record<string, string>;
}

export interface TeamsGraph {
  /** The app's catalogue id and manifest (external) id, as the organisation's catalogue holds them. */
  catalogAppId: string;
  manifestAppId: string;
  /** The application permissions the app has been granted (admin consent). */
  granted: Set<string>;
  /** Entra ids the app is installed for. */
  installedFor: Set<string>;
  /** Activity-feed notifications accepted, in order. */
  notifications: SentNotification[];
  /** Mail accepted by sendMail, in order. */
  mails: SentMail[];
  /** Team ids the app is installed in. */
  installedInTeams: Set<string>;
  requests: { method: string; path: string; status: number }[];
  client(): ReturnType<typeof graphClient>;
  close(): Promise<void>;
}

export async function startTeamsGraph(
  options: { catalogAppId?: string; manifestAppId?: string; activityTypes?: string[] } = {},
): Promise<TeamsGraph> {
  // What the app's manifest declares: Graph refuses any other activity type.
  const declared = new Set(
    options.activityTypes ??
      (
        JSON.parse(readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8')) as {
          activities: { activityTypes: { type: string }[] };
        }
      ).activities.activityTypes.map((a) => a.type),
  );
  const notifications: SentNotification[] = [];
  const tls = selfSignedCertificate();
  const catalogAppId = options.catalogAppId ?? 'e3c6a3f2-6b8f-4d6e-9a51-2f5c7d1e0a11';
  const manifestAppId = options.manifestAppId ?? '5d1e7a36-6c8b-4b7e-9f4c-0e2a1d3b7c01';
  const granted = new Set<string>([
    INSTALL_PERMISSION,
    FEED_PERMISSION,
    MAIL_PERMISSION,
    TEAM_INSTALL_PERMISSION,
    CHANNEL_PERMISSION,
  ]);
  const installedInTeams = new Set<string>();
  const mails: SentMail[] = [];
  const installedFor = new Set<string>();
  const requests: TeamsGraph['requests'] = [];
  const installation = (userId: string) => ({
    id: Buffer.from(`${userId}##${catalogAppId}`).toString('base64url'),
    teamsApp: {
      id: catalogAppId,
      externalId: manifestAppId,
      displayName: 'Social Media Policy Hub',
      distributionMethod: 'organization',
    },
  });

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
      const send = (status: number, body?: unknown) => {
        requests.push({ method: req.method ?? '', path: url.pathname + url.search, status });
        res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const error = (status: number, code: string, message: string) => send(status, { error: { code, message } });
      /** Graph's answer to an app without the permission a call needs. */
      const missing = (permission: string) =>
        error(403, 'Forbidden', `Missing role permissions on the request. API requires one of '${permission}'.`);
      if (req.headers.authorization !== 'Bearer graph-token') {
        return error(401, 'InvalidAuthenticationToken', 'Access token is empty.');
      }
      const team = /^\/v1\.0\/teams\/([^/]+)\/(installedApps|primaryChannel)$/.exec(url.pathname);
      if (team) {
        const teamId = decodeURIComponent(team[1]!);
        if (team[2] === 'primaryChannel' && req.method === 'GET') {
          if (!granted.has(CHANNEL_PERMISSION)) {
            return missing(CHANNEL_PERMISSION);
          }
          return send(200, {
            '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${teamId}')/primaryChannel/$entity`,
            id: generalChannelOf(teamId),
            displayName: 'General',
            membershipType: 'standard',
          });
        }
        if (team[2] === 'installedApps' && req.method === 'POST') {
          if (!granted.has(TEAM_INSTALL_PERMISSION)) {
            return missing(TEAM_INSTALL_PERMISSION);
          }
          if (installedInTeams.has(teamId)) return error(409, 'Conflict', 'The app is already installed in this team.');
          installedInTeams.add(teamId);
          return send(201);
        }
      }
      const mail = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(url.pathname);
      if (mail && req.method === 'POST') {
        if (!granted.has(MAIL_PERMISSION)) {
          return error(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
        }
        const { message } = JSON.parse(text || '{}') as {
          message?: {
            subject?: string;
            body?: { contentType?: string; content?: string };
            toRecipients?: { emailAddress?: { address?: string } }[];
          };
        };
        const to = (message?.toRecipients ?? []).map((r) => r.emailAddress?.address ?? '').filter(Boolean);
        if (!message || to.length === 0) {
          return error(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
        }
        mails.push({
          from: decodeURIComponent(mail[1]!),
          to,
          subject: message.subject ?? '',
          text: message.body?.content ?? '',
        });
        return send(202);
      }
      const feed = /^\/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(url.pathname);
      if (feed && req.method === 'POST') {
        if (!granted.has(FEED_PERMISSION)) {
          return missing(FEED_PERMISSION);
        }
        const sent = JSON.parse(text || '{}') as {
          activityType?: string;
          previewText?: { content?: string };
          topic?: { source?: string; value?: string; webUrl?: string };
          templateParameters?: { name: string; value: string }[];
        };
        if (!sent.activityType || !declared.has(sent.activityType)) {
          return error(400, 'BadRequest', `Activity type '${sent.activityType}' is not declared in the app manifest.`);
        }
        if (sent.topic?.source !== 'text' || !sent.topic.webUrl) {
          return error(400, 'BadRequest', 'A text topic needs a value and a webUrl.');
        }
        notifications.push({
          userId: decodeURIComponent(feed[1]!),
          activityType: sent.activityType,
          previewText: sent.previewText?.content ?? '',
          webUrl: sent.topic.webUrl,
          templateParameters: Object.fromEntries((sent.templateParameters ?? []).map((p) => [p.name, p.value])),
        });
        return send(204);
      }
      const m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(url.pathname);
      if (!m) return error(404, 'NotFound', 'Resource not found for the segment.');
      const userId = decodeURIComponent(m[1]!);
      if (!granted.has(INSTALL_PERMISSION)) {
        return missing(INSTALL_PERMISSION);
      }
      if (req.method === 'GET') {
        const filter = url.searchParams.get('$filter') ?? '';
        const wanted = /teamsApp\/externalId eq '([^']*)'/.exec(filter)?.[1];
        const apps = installedFor.has(userId) ? [installation(userId)] : [];
        return send(200, {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${userId}')/teamwork/installedApps(teamsApp())`,
          value: apps.filter((a) => wanted === undefined || a.teamsApp.externalId === wanted),
        });
      }
      if (req.method === 'POST') {
        const bind = String((JSON.parse(text || '{}') as Record<string, unknown>)['teamsApp@odata.bind'] ?? '');
        if (!bind.endsWith(`/appCatalogs/teamsApps/${catalogAppId}`)) {
          return error(404, 'NotFound', 'The app was not found in the catalogue.');
        }
        if (installedFor.has(userId)) return error(409, 'Conflict', 'The app is already installed for this user.');
        installedFor.add(userId);
        return send(201);
      }
      return error(405, 'MethodNotAllowed', 'The method is not allowed.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    catalogAppId,
    manifestAppId,
    granted,
    installedFor,
    notifications,
    mails,
    installedInTeams,
    requests,
    client: () =>
      graphClient(async () => 'graph-token', {
        baseUrl: `${base}/`,
        customHosts: new Set(['127.0.0.1']),
        fetchOptions: { dispatcher: tls.agent } as never,
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

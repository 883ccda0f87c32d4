import { request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './self-signed.ts';

/**
 * A stand-in for the Teams web client, enough for teams-js to believe it is framed by Teams: a
 * page at https://local.teams.office.com:8080 (an origin teams-js accepts; or on 443) that frames the tab,
 * served through the same origin so the tab's own CSP (frame-ancestors 'self') allows it, and
 * answers teams-js's `initialize` and `getContext` messages with the context a deep link gives
 * (its `subEntityId`). Chromium is pointed at it with a host-resolver rule.
 */
export const TEAMS_HOST = 'local.teams.office.com';
export const TEAMS_PORT = 8080;

const hostPage = (subEntityId: string) => `<!doctype html>
<html><head><title>Teams</title></head><body style="margin:0">
<iframe id="app" src="/tab/" style="border:0;width:100vw;height:100vh"></iframe>
<script>
  const context = {
    locale: 'en-gb', theme: 'default', entityId: 'hub', subEntityId: ${JSON.stringify(subEntityId)},
    frameContext: 'content', hostClientType: 'web', hostName: 'Teams', appSessionId: 'session',
    userObjectId: '00000000-0000-0000-0000-000000000000', tid: '00000000-0000-0000-0000-000000000001',
    sessionId: 'session', isFullScreen: false,
  };
  const runtime = JSON.stringify({ apiVersion: 4, hostVersionsInfo: {}, isLegacyTeams: false, supports: {} });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string') return;
    const reply = (args) => event.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, event.origin);
    if (m.func === 'initialize') reply(['content', 'web', runtime, '2.58.0']);
    else if (m.func === 'getContext') reply([context]);
  });
</script></body></html>`;

export interface FakeTeamsHost {
  /** The page that opens the tab as a deep link to `subEntityId` would. */
  url: string;
  /** Chromium flags that send the host's name here and accept its certificate. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

export async function startFakeTeamsHost(appBase: string, subEntityId: string): Promise<FakeTeamsHost> {
  const tls = selfSignedCertificate();
  const target = new URL(appBase);
  const server: Server = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    if (req.url === '/host.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostPage(subEntityId));
      return;
    }
    // Everything else is the app itself, through this origin.
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        // The app's own origin, as for the tab served by the app itself: the dev sign-in refuses
        // a page that names another host (DNS rebinding), and this page's host name only maps here.
        headers: {
          ...req.headers,
          host: target.host,
          ...(req.headers.origin ? { origin: target.origin } : {}),
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  }) as unknown as Server;
  // teams-js accepts this host on port 8080 or on the default port; whichever is free here.
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  await listen(TEAMS_PORT).catch(() => listen(443));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${TEAMS_HOST}${port === 443 ? '' : `:${port}`}/host.html`,
    chromiumArgs: [`--host-resolver-rules=MAP ${TEAMS_HOST} 127.0.0.1`, '--ignore-certificate-errors'],
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

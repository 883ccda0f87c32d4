import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EntraUser } from '../../src/domain/people/directory-sync.ts';
import { graphClient } from '../../src/people/entra-directory.ts';
import { selfSignedCertificate } from './self-signed.ts';

/**
 * A local HTTPS stand-in for Graph's GET /v1.0/users and /v1.0/users/{id}, with Graph's shapes: `value` pages joined by
 * an absolute @odata.nextLink, `$select` honoured, errors as { error: { code, message } }, and one
 * 429 with Retry-After first, as Graph throttles.
 */
export async function fakeEntraGraph(users: EntraUser[], pageSize: number, throttleFirst = true) {
  const tls = selfSignedCertificate();
  const requests: string[] = [];
  let throttled = false;
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    requests.push(url.pathname + url.search);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== 'Bearer graph-token') {
      return send(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    }
    const one = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
    if (one) {
      // GET /users/{id}: the user with the fields asked for, or Graph's 404 for an unknown id.
      const found = users.find((u) => u.id === decodeURIComponent(one[1]!));
      if (!found) {
        return send(404, {
          error: { code: 'Request_ResourceNotFound', message: `Resource '${one[1]}' does not exist.` },
        });
      }
      const fields = (url.searchParams.get('$select') ?? '').split(',').filter(Boolean);
      const chosen = fields.length ? fields : Object.keys(found);
      return send(200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
        ...Object.fromEntries(chosen.map((f) => [f, (found as unknown as Record<string, unknown>)[f] ?? null])),
      });
    }
    if (url.pathname !== '/v1.0/users') return send(404, { error: { code: 'Request_ResourceNotFound', message: '' } });
    if (!throttled && throttleFirst) {
      throttled = true;
      return send(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, { 'Retry-After': '1' });
    }
    const top = Math.min(Number(url.searchParams.get('$top') ?? 100), pageSize);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const fields = (url.searchParams.get('$select') ?? '').split(',');
    const page = users
      .slice(skip, skip + top)
      .map((u) => Object.fromEntries(fields.map((f) => [f, (u as unknown as Record<string, unknown>)[f] ?? null])));
    const next = new URL(url);
    next.searchParams.set('$skiptoken', String(skip + top));
    send(200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
      value: page,
      ...(skip + top < users.length ? { '@odata.nextLink': next.toString() } : {}),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    requests,
    client: (token = 'graph-token') =>
      graphClient(async () => token, {
        baseUrl: `${base}/`,
        customHosts: new Set(['127.0.0.1']),
        fetchOptions: { dispatcher: tls.agent } as never,
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An Entra user as Graph returns one, at Oakfield unless `extra` says otherwise. */
export const entraTestUser = (id: string, name: string, extra: Partial<EntraUser> = {}): EntraUser => {
  const [givenName, surname] = name.split(' ');
  return {
    id,
    userPrincipalName: `${name.toLowerCase().replace(' ', '.')}@demo.example.sch.uk`,
    mail: null,
    givenName,
    surname,
    displayName: name,
    department: 'Key Stage 2',
    jobTitle: 'Class teacher',
    companyName: 'Oakfield Primary School',
    employeeType: 'Teacher',
    accountEnabled: true,
    ...extra,
  };
};

import type { Server } from 'restify';
import { z } from 'zod';
import { ROLES, ROLE_LABELS } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { endpoint, publicEndpoint } from '../endpoint.ts';
import { registerCaseRoutes } from './cases.ts';
import { registerSchoolSettingsRoutes } from './school-settings.ts';
import { registerQuestionRoutes } from './questions.ts';
import { registerApplicationRoutes } from './applications.ts';
import { registerAccountRoutes } from './accounts.ts';
import { registerTrainingRoutes } from './training.ts';
import { registerDirectoryRoutes } from './directory.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerDeliveryRoutes } from './deliveries.ts';
import { acknowledgementOf } from '../../training/acknowledgements.ts';
import { NotAllowed, NotFound, Unavailable } from '../../errors.ts';
import { isLoopback, urlHost } from '../../config/config.ts';
import { findColleagues } from '../../people/directory.ts';
import { requestedSchool } from '../../people/oversight.ts';
import { uploadPolicy } from '../../policy/upload-policy.ts';
import { currentPolicy, searchPolicy } from '../../policy/current-policy.ts';
import { API_SCOPE } from '../../auth/entra-sign-in.ts';

const schoolQuery = z.object({ schoolId: z.string().min(1).max(128).optional() }).strict();

function personSummary(p: { id: string; displayName: string; jobTitle: string; department: string; schoolId: string }) {
  return { id: p.id, displayName: p.displayName, jobTitle: p.jobTitle, department: p.department, schoolId: p.schoolId };
}

export function registerApiRoutes(server: Server, services: Services): void {
  const { store } = services;

  // Before sign-in, the tab asks how to sign in: the demo sign-in, or Entra ID with the API's scope.
  server.get(
    '/api/v1/sign-in-config',
    publicEndpoint(services, {}, async () => {
      if (services.devSignIn) return { scheme: 'dev' };
      const { entra, publicUrl } = services.config;
      if (!entra || !publicUrl)
        throw new Unavailable('sign_in_not_configured', 'Sign-in is not configured on this server');
      return {
        scheme: 'entra',
        clientId: entra.clientId,
        tenantId: entra.tenantId,
        scope: `api://${new URL(publicUrl).host}/${entra.clientId}/${API_SCOPE}`,
      };
    }),
  );

  server.get(
    '/api/v1/me',
    endpoint(services, {}, async ({ principal }) => {
      const schools = await Promise.all(principal.schoolIds.map((id) => store.schools.get(id)));
      return {
        person: { ...personSummary(principal.person), upn: principal.person.upn },
        roles: principal.roles,
        roleAssignments: principal.person.roles,
        schools: schools.filter((s) => s !== undefined).map((s) => ({ id: s.id, name: s.name })),
        signIn: services.auth.scheme,
        // The home school's choice decides the words the tab uses.
        language: schools.find((s) => s?.id === principal.person.schoolId)?.language ?? 'en-GB',
      };
    }),
  );

  server.get(
    '/api/v1/people',
    endpoint(
      services,
      {
        query: z
          .object({
            schoolId: z.string().min(1).max(128).optional(),
            search: z.string().trim().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          })
          .strict(),
      },
      async ({ principal, query }) => {
        const schoolId = requestedSchool(principal, query.schoolId);
        const matches = await findColleagues(store, schoolId, query.search);
        return { items: matches.slice(0, query.limit).map(personSummary), total: matches.length };
      },
    ),
  );

  server.get(
    '/api/v1/policy',
    endpoint(
      services,
      { query: schoolQuery.extend({ version: z.coerce.number().int().min(1).optional() }).strict() },
      async ({ principal, query }) => {
        const schoolId = requestedSchool(principal, query.schoolId);
        const policy = await currentPolicy(services, schoolId, query.version);
        if (!policy)
          throw new NotFound(
            query.version ? `Version ${query.version} of this school's policy` : 'A policy for this school',
          );
        return {
          documentId: policy.documentId,
          title: policy.title,
          versionId: policy.versionId,
          versionNumber: policy.versionNumber,
          versions: policy.versions,
          importedAt: policy.importedAt,
          text: policy.text,
          sections: policy.sections,
          /** When the caller confirmed reading this version, if they have. */
          acknowledgedAt: (await acknowledgementOf(services, principal.person.id, policy.versionId))?.at,
        };
      },
    ),
  );

  server.post(
    '/api/v1/policy/versions',
    endpoint(
      services,
      {
        body: z
          .object({
            schoolId: z.string().min(1).max(128).optional(),
            fileName: z.string().trim().min(1, { message: 'Choose the policy file' }).max(255),
            content: z.base64({ message: 'The file did not arrive whole; choose it again' }).min(1).max(50_000_000),
          })
          .strict(),
      },
      async ({ principal, body }) =>
        uploadPolicy(services, principal, { ...body, schoolId: requestedSchool(principal, body.schoolId) }),
    ),
  );

  server.get(
    '/api/v1/policy/search',
    endpoint(
      services,
      { query: schoolQuery.extend({ q: z.string().trim().min(2).max(300) }).strict() },
      async ({ principal, query }) =>
        searchPolicy(services, principal.person.id, requestedSchool(principal, query.schoolId), query.q),
    ),
  );

  registerCaseRoutes(server, services);
  registerSchoolSettingsRoutes(server, services);
  registerQuestionRoutes(server, services);
  registerApplicationRoutes(server, services);
  registerAccountRoutes(server, services);
  registerTrainingRoutes(server, services);
  registerDirectoryRoutes(server, services);
  registerAuditRoutes(server, services);
  registerDeliveryRoutes(server, services);
  registerDevSignInRoutes(server, services);
}

/** Only registered in embedded mode; also re-checks loopback per request as a second line. */
function registerDevSignInRoutes(server: Server, services: Services): void {
  const { devSignIn, store } = services;
  if (!devSignIn) return;
  /**
   * From this computer, to this computer: the connection, the Host it asked for and, from a
   * browser, the page's Origin all loopback. A web page elsewhere that rebinds its name to
   * 127.0.0.1 reaches the socket but names its own host, so it is refused.
   */
  const requireLoopback = (req: { socket: { remoteAddress?: string }; headers: Record<string, unknown> }) => {
    const remote = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const host = urlHost(String(req.headers.host ?? ''));
    const origin = req.headers.origin;
    const fromHere =
      isLoopback(remote) && isLoopback(host) && (origin === undefined || isLoopback(urlHost(String(origin))));
    if (!fromHere) throw new NotAllowed('The dev sign-in only answers on this computer');
  };

  server.get(
    '/api/v1/dev/personas',
    publicEndpoint(services, {}, async ({ req }) => {
      requireLoopback(req);
      const personas = [];
      for (const role of ROLES) {
        const id = devSignIn.personas[role];
        const person = id ? await store.people.get(id) : undefined;
        if (!person) continue;
        const school = await store.schools.get(person.schoolId);
        personas.push({
          role,
          roleLabel: ROLE_LABELS[role],
          person: { ...personSummary(person), schoolName: school?.name ?? '' },
        });
      }
      return { items: personas };
    }),
  );

  server.post(
    '/api/v1/dev/sign-in',
    publicEndpoint(
      services,
      { body: z.object({ personId: z.string().min(1).max(128) }).strict() },
      async ({ req, body }) => {
        requireLoopback(req);
        const person = await store.people.get(body.personId);
        if (!person || !person.active) throw new NotFound('', { message: 'No active person has that id' });
        return { token: await devSignIn.issue(person.id), person: personSummary(person) };
      },
    ),
  );
}

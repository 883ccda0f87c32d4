import { randomUUID } from 'node:crypto';

/**
 * The directory part of the local Graph stand-in: applications (by id and by their uniqueName
 * alternate key, with `Prefer: create-if-missing` upserts), service principals (by appId),
 * app role assignments, and the Teams app catalogue, in the shapes and errors Graph documents.
 */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** A few of Microsoft Graph's published permissions, enough for the hub's provisioning. */
const GRAPH_PERMISSIONS = {
  appRoles: [
    ['Sites.Selected', '883ea226-0bf2-4a8f-9f9d-92c9162a727d'],
    ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214'],
    ['TeamsAppInstallation.ReadWriteSelfForUser.All', '908de74d-f8b2-4d6b-a9ed-2a17b3b78179'],
    ['TeamsAppInstallation.ReadWriteSelfForTeam.All', '9f67436c-5415-4e7f-8ac1-3014a7132630'],
    ['Channel.ReadBasic.All', '59a6b24b-4225-4393-8165-ebaec5f55d7a'],
    ['TeamsActivity.Send', 'a267235f-af13-44dc-8385-c1dc93023186'],
    ['Mail.Send', 'b633e1c5-b582-4048-a93e-9f11b44c7e96'],
  ].map(([value, id]) => ({ id, value, allowedMemberTypes: ['Application'], isEnabled: true })),
  oauth2PermissionScopes: [
    { id: 'e1fc6738-0c0e-4a89-a2e5-0b2b9f8c2e3d', value: 'User.Read', type: 'User', isEnabled: true },
  ],
};

export class DirectoryError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

type Json = Record<string, unknown>;
export interface Directory {
  route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: () => Json,
    prefer: string,
  ): { status: number; body?: unknown } | undefined;
  applications: Map<string, Json>;
  servicePrincipals: Map<string, Json>;
  assignments: Json[];
  addServicePrincipal(appId: string, displayName: string): void;
  addCatalogApp(externalId: string): void;
  reset(): void;
}

export function graphDirectory(): Directory {
  const applications = new Map<string, Json>();
  const servicePrincipals = new Map<string, Json>();
  const assignments: Json[] = [];
  const catalogApps: Json[] = [];
  /** Site permissions (Sites.Selected grants), by site id. */
  const sitePermissions = new Map<string, Json[]>();
  const notFound = (what: string) =>
    new DirectoryError(
      404,
      'Request_ResourceNotFound',
      `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
    );
  const spByAppId = (appId: string) => [...servicePrincipals.values()].find((s) => s.appId === appId);
  const addGraph = () =>
    servicePrincipals.set('graph-sp', {
      id: 'graph-sp',
      appId: GRAPH_APP_ID,
      displayName: 'Microsoft Graph',
      ...GRAPH_PERMISSIONS,
    });
  addGraph();
  const merge = (target: Json, changes: Json) => {
    for (const [k, v] of Object.entries(changes)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object')
        merge(target[k] as Json, v as Json);
      else target[k] = v;
    }
  };
  const byUniqueName = (name: string) => [...applications.values()].find((a) => a.uniqueName === name);

  return {
    applications,
    servicePrincipals,
    assignments,
    addServicePrincipal: (appId, displayName) => {
      const id = randomUUID();
      servicePrincipals.set(id, { id, appId, displayName, appRoles: [], oauth2PermissionScopes: [] });
    },
    addCatalogApp: (externalId) =>
      catalogApps.push({ id: randomUUID(), externalId, displayName: 'Social Media Policy' }),
    reset() {
      applications.clear();
      servicePrincipals.clear();
      assignments.length = 0;
      catalogApps.length = 0;
      sitePermissions.clear();
      addGraph();
    },
    route(method, path, query, body, prefer) {
      let m: RegExpExecArray | null;
      if ((m = /^\/applications\(uniqueName='([^']*)'\)$/.exec(path))) {
        const name = m[1]!.replaceAll("''", "'");
        const found = byUniqueName(name);
        if (method === 'GET') {
          if (!found) throw notFound(name);
          return { status: 200, body: found };
        }
        if (method === 'PATCH') {
          if (found) {
            merge(found, body());
            return { status: 204 };
          }
          if (!prefer.includes('create-if-missing')) throw notFound(name);
          const id = randomUUID();
          const created: Json = {
            id,
            appId: randomUUID(),
            uniqueName: name,
            identifierUris: [],
            appRoles: [],
            ...body(),
          };
          applications.set(id, created);
          return { status: 201, body: created };
        }
      }
      if ((m = /^\/applications\/([^/]+)$/.exec(path)) && (method === 'PATCH' || method === 'GET')) {
        const found = applications.get(m[1]!);
        if (!found) throw notFound(m[1]!);
        if (method === 'GET') return { status: 200, body: found };
        merge(found, body());
        return { status: 204 };
      }
      if ((m = /^\/servicePrincipals\(appId='([^']*)'\)$/.exec(path)) && method === 'GET') {
        const found = spByAppId(m[1]!);
        if (!found) throw notFound(m[1]!);
        return { status: 200, body: found };
      }
      if (path === '/servicePrincipals' && method === 'POST') {
        const { appId } = body() as { appId: string };
        if (spByAppId(appId))
          throw new DirectoryError(
            409,
            'Request_MultipleObjectsWithSameKeyValue',
            'Another object with the same value for property appId already exists.',
          );
        const app = [...applications.values()].find((a) => a.appId === appId);
        if (!app) throw notFound(appId);
        const id = randomUUID();
        const created = {
          id,
          appId,
          displayName: app.displayName,
          appRoles: app.appRoles ?? [],
          oauth2PermissionScopes: [],
        };
        servicePrincipals.set(id, created);
        return { status: 201, body: created };
      }
      if ((m = /^\/servicePrincipals\/([^/]+)\/appRoleAssignments$/.exec(path))) {
        if (!servicePrincipals.has(m[1]!)) throw notFound(m[1]!);
        if (method === 'GET')
          return { status: 200, body: { value: assignments.filter((a) => a.principalId === m![1]) } };
        if (method === 'POST') {
          const wanted = body();
          if (
            assignments.some(
              (a) =>
                a.principalId === wanted.principalId &&
                a.appRoleId === wanted.appRoleId &&
                a.resourceId === wanted.resourceId,
            )
          ) {
            throw new DirectoryError(
              400,
              'Request_BadRequest',
              'Permission being assigned already exists on the object',
            );
          }
          const created = { id: randomUUID(), ...wanted, createdDateTime: new Date().toISOString() };
          assignments.push(created);
          return { status: 201, body: created };
        }
      }
      if ((m = /^\/sites\/([^/]+)\/permissions$/.exec(path))) {
        const granted = sitePermissions.get(m[1]!) ?? [];
        if (method === 'GET') return { status: 200, body: { value: granted } };
        if (method === 'POST') {
          const created = { id: randomUUID(), ...body() };
          sitePermissions.set(m[1]!, [...granted, created]);
          return { status: 201, body: created };
        }
      }
      if (path === '/appCatalogs/teamsApps' && method === 'GET') {
        const wanted = /^externalId eq '(.*)'$/.exec(query.get('$filter') ?? '')?.[1]?.replaceAll("''", "'");
        return { status: 200, body: { value: catalogApps.filter((a) => a.externalId === wanted) } };
      }
      return undefined;
    },
  };
}

import type { Config } from '../config/config.ts';
import { graphTokens } from '../config/azure-identity.ts';
import { SLOW_CHANGING_KINDS, withReadCache } from './read-cache.ts';
import { sharePointGraphClient } from './sharepoint/graph-client.ts';
import { openSharePointAdapter, type SharePointAdapterOptions } from './sharepoint/sharepoint-store.ts';
import { openSqliteAdapter } from './sqlite/sqlite-store.ts';
import { createStore, type Store } from './store.ts';

/** How long another server's change to the directory, courses or policy may take to show here. */
export const SHAREPOINT_CACHE_MS = 60_000;

/**
 * The SharePoint store as the server runs it: the adapter behind a short read cache for the
 * kinds read on every action, so a report or a decision costs a few Graph requests, not a dozen.
 */
export function sharePointStore(options: SharePointAdapterOptions): Store {
  return createStore(
    withReadCache(openSharePointAdapter(options), { kinds: SLOW_CHANGING_KINDS, ttlMs: SHAREPOINT_CACHE_MS }),
  );
}

/** The store the configuration asks for; the server and the command-line tools share it. */
export function openStore(config: Config): Store {
  if (config.store.kind === 'sharepoint') {
    return sharePointStore({ client: sharePointGraphClient(graphTokens(config)), siteId: config.store.siteId });
  }
  return createStore(openSqliteAdapter({ path: config.store.path }));
}

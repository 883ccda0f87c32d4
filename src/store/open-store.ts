import type { Config } from '../config/config.ts';
import { graphToken } from '../config/graph-token.ts';
import { sharePointGraphClient } from './sharepoint/graph-client.ts';
import { openSharePointAdapter } from './sharepoint/sharepoint-store.ts';
import { openSqliteAdapter } from './sqlite/sqlite-store.ts';
import { createStore, type Store } from './store.ts';

/** The store the configuration asks for; the server and the command-line tools share it. */
export function openStore(config: Config): Store {
  if (config.store.kind === 'sharepoint') {
    const token = graphToken({ tenantId: config.tenantId, ...config.graph });
    return createStore(openSharePointAdapter({ client: sharePointGraphClient(token), siteId: config.store.siteId }));
  }
  return createStore(openSqliteAdapter({ path: config.store.path }));
}

import { ConfigError, type Config } from '../config/config.ts';
import { openSqliteAdapter } from './sqlite/sqlite-store.ts';
import { createStore, type Store } from './store.ts';

/** The store the configuration asks for; the server and the command-line tools share it. */
export function openStore(config: Config): Store {
  if (config.store.kind === 'sharepoint') {
    throw new ConfigError(['STORE: the SharePoint store is not available in this build yet; use STORE=sqlite']);
  }
  return createStore(openSqliteAdapter({ path: config.store.path }));
}

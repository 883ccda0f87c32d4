import { useEffect, useState } from 'react';
import { api } from './api.ts';

/**
 * Loads `path`, and loads it again whenever `refresh` changes (a page bumps a counter after a
 * change it made), so nothing needs a cache-busting query parameter the server would refuse.
 */
export function useApi<T>(path: string | undefined, refresh: number = 0): { data?: T; error?: Error } {
  const key = path === undefined ? undefined : `${refresh}:${path}`;
  const [state, setState] = useState<{ key?: string; data?: T; error?: Error }>({ key });
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    api<T>(path).then(
      (data) => live && setState({ key: `${refresh}:${path}`, data }),
      (error: unknown) => live && setState({ key: `${refresh}:${path}`, error: error as Error }),
    );
    return () => {
      live = false;
    };
  }, [path, refresh]);
  return state.key === key ? state : {};
}

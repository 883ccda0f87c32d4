import { useCallback, useEffect, useState } from 'react';
import { api } from './api.ts';

export interface Loaded<T> {
  data?: T;
  error?: Error;
  /** Loads the same path again, after a change this page made. */
  reload: () => void;
}

/**
 * Loads `path`. A page calls `reload()` after a change it made; `after` is for data that follows
 * a change made elsewhere on the page (load again whenever it changes). Nothing needs a
 * cache-busting query parameter the server would refuse.
 */
export function useApi<T>(path: string | undefined, after: number = 0): Loaded<T> {
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const key = path === undefined ? undefined : `${after}:${reloads}:${path}`;
  const [state, setState] = useState<{ key?: string; data?: T; error?: Error }>({ key });
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    const loading = `${after}:${reloads}:${path}`;
    api<T>(path).then(
      (data) => live && setState({ key: loading, data }),
      (error: unknown) => live && setState({ key: loading, error: error as Error }),
    );
    return () => {
      live = false;
    };
  }, [path, after, reloads]);
  return state.key === key ? { ...state, reload } : { reload };
}

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
  const [state, setState] = useState<{ key?: string; path?: string; data?: T; error?: Error }>({ key });
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    const loading = `${after}:${reloads}:${path}`;
    api<T>(path).then(
      (data) => live && setState({ key: loading, path, data }),
      (error: unknown) => live && setState({ key: loading, path, error: error as Error }),
    );
    return () => {
      live = false;
    };
  }, [path, after, reloads]);
  if (state.key === key) return { ...state, reload };
  // Loading the same path again keeps showing what was there, so a form on the page (and what
  // someone typed in it) is not torn down while it reloads.
  return state.path === path && state.data !== undefined ? { data: state.data, reload } : { reload };
}

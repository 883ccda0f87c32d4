import { useEffect, useState } from 'react';
import { api } from './api.ts';

/** Loads one API resource for a page, re-loading when the path changes. */
/** GETs `path` and re-fetches when it changes; no path, no request. */
export function useApi<T>(path: string | undefined): { data?: T; error?: Error } {
  const [state, setState] = useState<{ path?: string; data?: T; error?: Error }>({ path });
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    api<T>(path).then(
      (data) => live && setState({ path, data }),
      (error: unknown) => live && setState({ path, error: error as Error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state.path === path ? state : {};
}

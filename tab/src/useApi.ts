import { useEffect, useState } from 'react';
import { api } from './api.ts';

/** Loads one API resource for a page, re-loading when the path changes. */
export function useApi<T>(path: string): { data?: T; error?: Error } {
  const [state, setState] = useState<{ path: string; data?: T; error?: Error }>({ path });
  useEffect(() => {
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

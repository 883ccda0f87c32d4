import { useCallback, useSyncExternalStore } from 'react';

/** The page id from the hash (`#/policy` → `policy`); hash routes work unchanged inside Teams. */
export function currentRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0] || 'home';
}

export function useHashRoute(): string {
  const subscribe = useCallback((notify: () => void) => {
    window.addEventListener('hashchange', notify);
    return () => window.removeEventListener('hashchange', notify);
  }, []);
  return useSyncExternalStore(subscribe, currentRoute);
}

import { useEffect, useState } from 'react';
import { apiFile } from './api.ts';

/**
 * A file from the API as an object URL, fetched only when `load` is called: each fetch is
 * audited on the server, and the session token travels in a header, so a plain link cannot work.
 */
export function useFile(path: string) {
  const [url, setUrl] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setUrl(URL.createObjectURL(await apiFile(path)));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  return { url, busy, error, load };
}

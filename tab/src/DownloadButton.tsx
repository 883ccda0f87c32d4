import { Button, Link, Spinner } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { ErrorNotice } from './ErrorNotice.tsx';
import { useFile } from './useFile.ts';

/**
 * One click: the file is fetched from the API (audited there), with progress shown, and saved.
 * A link to save it again stays beside the button, for hosts that do not start a download
 * from a page's script (some Teams mobile webviews).
 */
export function DownloadButton({ path, label, fileName }: { path: string; label: string; fileName: string }) {
  const { url, busy, error, load } = useFile(path);
  const link = useRef<HTMLAnchorElement>(null);
  // Save it as soon as it has arrived.
  useEffect(() => {
    if (url) link.current?.click();
  }, [url]);
  return (
    <>
      <Button
        icon={busy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
        disabled={busy}
        onClick={() => void load()}
      >
        {busy ? 'Preparing…' : label}
      </Button>
      {url && (
        <Link ref={link} href={url} download={fileName}>
          Save {fileName} again
        </Link>
      )}
      {error && <ErrorNotice error={error} />}
    </>
  );
}

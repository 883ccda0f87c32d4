import { Button, Link } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { ErrorNotice } from './ErrorNotice.tsx';
import { useFile } from './useFile.ts';

/** Prepares a file from the API on request, then offers it as a download link. */
export function DownloadButton({ path, label, fileName }: { path: string; label: string; fileName: string }) {
  const { url, busy, error, load } = useFile(path);
  if (url) {
    return (
      <Link href={url} download={fileName}>
        Save {fileName}
      </Link>
    );
  }
  return (
    <>
      <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void load()}>
        {busy ? 'Preparing…' : label}
      </Button>
      {error && <ErrorNotice error={error} />}
    </>
  );
}

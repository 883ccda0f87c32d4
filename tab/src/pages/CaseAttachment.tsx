import { Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { apiFile } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

const useStyles = makeStyles({
  preview: {
    display: 'block',
    maxWidth: '100%',
    maxHeight: '480px',
    marginTop: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

export interface AttachmentData {
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} kB`;

/**
 * Evidence on a case. It is fetched only when asked for, because every opening is audited;
 * images are shown in place, and any file can be saved.
 */
export function CaseAttachment({ caseId, file }: { caseId: string; file: AttachmentData }) {
  const styles = useStyles();
  const [url, setUrl] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  const open = async () => {
    setLoading(true);
    setError(undefined);
    try {
      const blob = await apiFile(`/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(file.fileId)}`);
      setUrl(URL.createObjectURL(blob));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div>
      <Text block>
        {file.fileName} ({kilobytes(file.size)})
      </Text>
      {!url && (
        <Button size="small" onClick={() => void open()} disabled={loading} aria-label={`Open ${file.fileName}`}>
          Open
        </Button>
      )}
      {loading && <Spinner size="tiny" label="Opening the file" />}
      {error && <ErrorNotice error={error} />}
      {url && (
        <>
          {file.contentType.startsWith('image/') && (
            <img className={styles.preview} src={url} alt={`Evidence: ${file.fileName}`} />
          )}
          <Link href={url} download={file.fileName}>
            Save a copy of {file.fileName}
          </Link>
        </>
      )}
    </div>
  );
}

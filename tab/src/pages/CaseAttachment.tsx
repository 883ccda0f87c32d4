import { Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useFile } from '../useFile.ts';
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
 * Evidence on a case, fetched only when asked for; images are shown in place, and any file can be saved.
 */
export function CaseAttachment({ caseId, file }: { caseId: string; file: AttachmentData }) {
  const styles = useStyles();
  const { url, busy, error, load } = useFile(
    `/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(file.fileId)}`,
  );

  return (
    <div>
      <Text block>
        {file.fileName} ({kilobytes(file.size)})
      </Text>
      {!url && (
        <Button size="small" onClick={() => void load()} disabled={busy} aria-label={`Open ${file.fileName}`}>
          Open
        </Button>
      )}
      {busy && <Spinner size="tiny" label="Opening the file" />}
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

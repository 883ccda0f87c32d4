import { Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DownloadButton } from '../DownloadButton.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { useFile } from '../useFile.ts';

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
 * Evidence on a case, fetched only when asked for (each fetch is an audited read of safeguarding
 * detail). A picture is shown in place with one click, then saved from there; any other file is
 * saved with one click.
 */
export function CaseAttachment({ caseId, file }: { caseId: string; file: AttachmentData }) {
  const path = `/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(file.fileId)}`;
  return (
    <div>
      <Text block>
        {file.fileName} ({kilobytes(file.size)})
      </Text>
      {file.contentType.startsWith('image/') ? (
        <Picture path={path} fileName={file.fileName} />
      ) : (
        <DownloadButton path={path} label={`Save ${file.fileName}`} fileName={file.fileName} />
      )}
    </div>
  );
}

function Picture({ path, fileName }: { path: string; fileName: string }) {
  const styles = useStyles();
  const { url, busy, error, load } = useFile(path);
  if (url) {
    return (
      <>
        <img className={styles.preview} src={url} alt={`Evidence: ${fileName}`} />
        <Link href={url} download={fileName}>
          Save a copy of {fileName}
        </Link>
      </>
    );
  }
  return (
    <>
      <Button size="small" onClick={() => void load()} disabled={busy} aria-label={`Show ${fileName}`}>
        Show
      </Button>
      {busy && <Spinner size="tiny" label="Opening the picture" />}
      {error && <ErrorNotice error={error} />}
    </>
  );
}

import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiProblem, api } from '../api.ts';
import { ErrorNotice, SuccessNotice } from '../ErrorNotice.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

/** The file's bytes as base64, for the JSON API; read in slices so a large file does not overflow the stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A senior leader publishes a new version of the policy: a Word, PDF, Markdown or text file,
 * read into sections on the server. Staff are then asked to confirm they have read it.
 */
export function PublishPolicy({ schoolId, onPublished }: { schoolId: string; onPublished: (version: number) => void }) {
  const styles = useStyles();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<Error>();
  const fieldError = error instanceof ApiProblem ? error.fieldErrors().file : undefined;
  const publish = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await api<{ versionNumber: number; sections: number }>('/policy/versions', {
        method: 'POST',
        body: { schoolId, fileName: file.name, content: await base64Of(file) },
      });
      setDone(
        `Version ${result.versionNumber} is published, in ${result.sections} ${result.sections === 1 ? 'section' : 'sections'}. Staff will be asked to confirm they have read it.`,
      );
      onPublished(result.versionNumber);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">Publish a new version</h2>
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <Field
          label="Policy file"
          hint="Word (.docx), PDF, Markdown or plain text. Headings become the sections staff see and the bot cites."
          validationMessage={fieldError}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".docx,.pdf,.md,.markdown,.txt"
              onChange={(e) => setFile(e.target.files?.[0] ?? undefined)}
            />
          )}
        </Field>
        <Button type="submit" appearance="primary" disabled={!file || busy}>
          {busy ? 'Publishing…' : 'Publish'}
        </Button>
      </form>
      {busy && <ProgressBar aria-label="Reading and publishing the policy" />}
      {done && <SuccessNotice message={done} />}
      {error && !fieldError && <ErrorNotice error={error} />}
    </section>
  );
}

import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api.ts';
import { useFieldErrors } from '../useFieldErrors.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { CredentialFields, NO_CREDENTIAL, TeamFields } from './accounts/AccountFields.tsx';

export interface CreationTask {
  applicationId: string;
  accountName: string;
  platform: string;
  applicantId: string;
  applicantName: string;
  approvedAt?: string;
  runners: { personId: string; name: string; ready: boolean; gaps: string[] }[];
}

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/**
 * The administrator records the account they created from an approved application. The
 * sign-in details go to the server once, are encrypted there, and are never shown again here.
 */
export function AccountForm({ task, onDone }: { task: CreationTask; onDone: (saved: boolean) => void }) {
  const styles = useStyles();
  const [handle, setHandle] = useState('');
  const [url, setUrl] = useState('');
  const [team, setTeam] = useState({ leadId: task.applicantId, moderatorIds: task.runners.map((r) => r.personId) });
  const [credential, setCredential] = useState(NO_CREDENTIAL);
  const { field, refused, clear, formProps } = useFieldErrors();
  const [problem, setProblem] = useState<Error>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    clear();
    setProblem(undefined);
    try {
      await api('/accounts', {
        method: 'POST',
        body: {
          applicationId: task.applicationId,
          handle,
          url,
          ...team,
          credential,
        },
      });
      onDone(true);
    } catch (err) {
      refused(err);
      setProblem(err as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    // The server checks every field and its messages appear beside them, so no browser pop-ups.
    <form
      {...formProps}
      noValidate
      className={styles.form}
      aria-label={`Record the account for ${task.accountName}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field
        label="Handle or page name"
        required
        {...field('handle')}
        hint={`As it appears on ${task.platform}, e.g. @OakfieldPE.`}
      >
        <Input value={handle} onChange={(_, d) => setHandle(d.value)} />
      </Field>
      <Field label="Web address" required {...field('url')} hint="The public link, starting https://">
        <Input type="url" value={url} onChange={(_, d) => setUrl(d.value)} />
      </Field>
      <TeamFields value={team} onChange={setTeam} field={field} />
      <CredentialFields value={credential} onChange={setCredential} field={field} />
      {problem && <ErrorNotice error={problem} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Record the account'}
        </Button>
        <Button onClick={() => onDone(false)}>Cancel</Button>
      </div>
    </form>
  );
}

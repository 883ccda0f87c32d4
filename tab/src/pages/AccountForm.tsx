import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiProblem, api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { StaffPicker, useStaff } from '../StaffPicker.tsx';

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
  const staff = useStaff();
  const [handle, setHandle] = useState('');
  const [url, setUrl] = useState('');
  const [leadId, setLeadId] = useState(task.applicantId);
  const [moderatorIds, setModeratorIds] = useState(task.runners.map((r) => r.personId));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Error>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    setErrors({});
    setProblem(undefined);
    try {
      await api('/accounts', {
        method: 'POST',
        body: {
          applicationId: task.applicationId,
          handle,
          url,
          leadId,
          moderatorIds,
          credential: { username, password, notes },
        },
      });
      onDone(true);
    } catch (err) {
      if (err instanceof ApiProblem) setErrors(err.fieldErrors());
      setProblem(err as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    // The server checks every field and its messages appear beside them, so no browser pop-ups.
    <form
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
        validationMessage={errors.handle}
        hint={`As it appears on ${task.platform}, e.g. @OakfieldPE.`}
      >
        <Input value={handle} onChange={(_, d) => setHandle(d.value)} />
      </Field>
      <Field label="Web address" required validationMessage={errors.url} hint="The public link, starting https://">
        <Input type="url" value={url} onChange={(_, d) => setUrl(d.value)} />
      </Field>
      <Field
        label="Lead"
        required
        validationMessage={errors.leadId}
        hint="The member of staff answerable for the account."
      >
        <Select value={leadId} onChange={(_, d) => setLeadId(d.value)}>
          {staff.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <StaffPicker
        label="Moderators"
        hint="At least two, all trained and having read the policy, so the account is watched when someone is away."
        listLabel="Chosen moderators"
        value={moderatorIds}
        onChange={setModeratorIds}
        validationMessage={errors.moderatorIds}
      />
      <Field
        label="Sign-in name or email"
        required
        validationMessage={errors.username ?? errors['credential.username']}
        hint="Use a school-owned address, never a personal one, so the school keeps control."
      >
        <Input autoComplete="off" value={username} onChange={(_, d) => setUsername(d.value)} />
      </Field>
      <Field
        label="Password"
        required
        validationMessage={errors.password ?? errors['credential.password']}
        hint="Encrypted as soon as it reaches the server. Only administrators can reveal it, and each time is recorded."
      >
        <Input type="password" autoComplete="new-password" value={password} onChange={(_, d) => setPassword(d.value)} />
      </Field>
      <Field label="Recovery notes" hint="Where the recovery codes are kept, which phone receives sign-in codes…">
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
      </Field>
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

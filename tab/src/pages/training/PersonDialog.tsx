import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { RequirementColumn } from '../../../../src/domain/training/dashboard.ts';
import type { Row } from './types.ts';
import { POLICY_COLUMN_ID } from '../../../../src/domain/training/dashboard.ts';
import { api } from '../../api.ts';
import { useFieldErrors } from '../../useFieldErrors.ts';
import { ErrorNotice, SuccessNotice } from '../../ErrorNotice.tsx';
import { StatusBadge } from '../../TrainingStatus.tsx';

/** HR records a leaving date: any official account the person helps run is flagged for handover at once. */
function LeavingDate({ personId, current, onSaved }: { personId: string; current?: string; onSaved: () => void }) {
  const styles = useStyles();
  const [leavingOn, setLeavingOn] = useState(current ?? '');
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const save = async (value: string | null) => {
    setError(undefined);
    setMessage(undefined);
    try {
      const result = await api<{ accountsFlagged: number }>(`/people/${encodeURIComponent(personId)}/leaving`, {
        method: 'PUT',
        body: { leavingOn: value },
      });
      setLeavingOn(value ?? '');
      setMessage(
        value === null
          ? 'Leaving date cleared.'
          : result.accountsFlagged > 0
            ? `Leaving date saved. ${result.accountsFlagged === 1 ? 'An official account they help run now needs' : `${result.accountsFlagged} official accounts they help run now need`} a handover; the administrators have been told.`
            : 'Leaving date saved.',
      );
      onSaved();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Record a leaving date"
      onSubmit={(e) => {
        e.preventDefault();
        void save(leavingOn);
      }}
    >
      <Field label="Leaving date" hint="Their official accounts are handed over before they go.">
        <Input type="date" value={leavingOn} onChange={(_, d) => setLeavingOn(d.value)} />
      </Field>
      {message && <SuccessNotice message={message} />}
      {error && <ErrorNotice error={error} />}
      <div>
        <Button type="submit" disabled={!leavingOn || leavingOn === current}>
          Save leaving date
        </Button>{' '}
        {current && <Button onClick={() => void save(null)}>Clear leaving date</Button>}
      </div>
    </form>
  );
}

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'auto auto', gap: tokens.spacingVerticalS, margin: 0 },
  form: { display: 'grid', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalL },
});

/** One person's standings, and HR recording a completion they have evidence of. */
export function PersonDialog(props: {
  row: Row;
  columns: RequirementColumn[];
  today: string;
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const courses = props.columns.filter((c, i) => c.id !== POLICY_COLUMN_ID && props.row.standings[i] !== null);
  const [courseId, setCourseId] = useState(courses[0]?.id ?? '');
  const [completedOn, setCompletedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  const { aboutFields, field, refused, clear, formProps } = useFieldErrors();
  const save = async () => {
    setError(undefined);
    clear();
    try {
      await api('/training/records', {
        method: 'POST',
        body: { personId: props.row.personId, courseId, completedOn, ...(expiresOn ? { expiresOn } : {}) },
      });
      setSaved(true);
    } catch (err) {
      refused(err);
      setError(err as Error);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose(saved)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.row.name}</DialogTitle>
          <DialogContent>
            <p>
              {props.row.jobTitle}, {props.row.department}, {props.row.schoolName}
            </p>
            <dl className={styles.list} aria-label="Requirements">
              {props.columns.map((c, i) => (
                <div key={c.id} style={{ display: 'contents' }}>
                  <dt>{c.title}</dt>
                  <dd style={{ margin: 0 }}>
                    <StatusBadge standing={props.row.standings[i] ?? null} />
                  </dd>
                </div>
              ))}
            </dl>
            {courses.length > 0 && (
              <form
                {...formProps}
                className={styles.form}
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
              >
                <Field label="Course completed" required>
                  <Select value={courseId} onChange={(_, d) => setCourseId(d.value)}>
                    {courses.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.title}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Date completed" required {...field('completedOn')}>
                  <Input
                    type="date"
                    max={props.today}
                    value={completedOn}
                    onChange={(_, d) => setCompletedOn(d.value)}
                  />
                </Field>
                <Field
                  label="Certificate expiry (optional)"
                  hint="Leave empty to use the course's refresher period."
                  {...field('expiresOn')}
                >
                  <Input type="date" value={expiresOn} onChange={(_, d) => setExpiresOn(d.value)} />
                </Field>
                {saved && (
                  <MessageBar layout="multiline" intent="success">
                    <MessageBarBody>Recorded. It counts from now.</MessageBarBody>
                  </MessageBar>
                )}
                {error && !aboutFields && <ErrorNotice error={error} />}
                <Button type="submit" appearance="primary" disabled={!completedOn || !courseId}>
                  Record completion
                </Button>
              </form>
            )}
            <LeavingDate personId={props.row.personId} current={props.row.leavingOn} onSaved={() => setSaved(true)} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => props.onClose(saved)}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

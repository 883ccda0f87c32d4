import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ApiProblem } from './api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

const useStyles = makeStyles({ form: { display: 'grid', gap: tokens.spacingVerticalM } });

/**
 * A dialog around one form: the server checks every field, its messages appear beside them, and
 * the dialog closes only when the change was saved.
 */
export function FormDialog(props: {
  title: string;
  submitLabel: string;
  intro?: ReactNode;
  submit: () => Promise<unknown>;
  onClose: (saved: boolean) => void;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const styles = useStyles();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setErrors({});
    setProblem(undefined);
    try {
      await props.submit();
      props.onClose(true);
    } catch (err) {
      if (err instanceof ApiProblem) setErrors(err.fieldErrors());
      setProblem(err as Error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose(false)}>
      <DialogSurface>
        <form
          noValidate
          aria-label={props.title}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.form}>
              {props.intro}
              {props.children(errors)}
              {problem && <ErrorNotice error={problem} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={saving}>
                {saving ? 'Saving…' : props.submitLabel}
              </Button>
              <Button onClick={() => props.onClose(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

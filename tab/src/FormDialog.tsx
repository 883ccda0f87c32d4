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
import { useFieldErrors, type BindField } from './useFieldErrors.ts';
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
  children: (field: BindField) => ReactNode;
}) {
  const styles = useStyles();
  const { field, refused, clear, formProps } = useFieldErrors();
  const [problem, setProblem] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    clear();
    setProblem(undefined);
    try {
      await props.submit();
      props.onClose(true);
    } catch (err) {
      refused(err);
      setProblem(err as Error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose(false)}>
      <DialogSurface>
        <form
          {...formProps}
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
              {props.children(field)}
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

import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from './api.ts';
import { useFieldErrors } from './useFieldErrors.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { useApi } from './useApi.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '640px', marginBlockEnd: tokens.spacingVerticalXXL },
  numbers: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
  },
});

type Value = number | string | string[];
type Values = Record<string, Value>;

interface NumberSetting {
  key: string;
  label: string;
  hint: string;
}

/**
 * One group of settings: loaded, edited and saved as a whole, with the server's messages shown
 * beside the fields they are about.
 */
export function SettingsForm(props: {
  title: string;
  path: string;
  numbers: NumberSetting[];
  children?: (values: Values, set: (key: string, value: Value) => void) => ReactNode;
}) {
  const styles = useStyles();
  const loaded = useApi<Values>(props.path);
  const [values, setValues] = useState<Values>();
  const { field, refused, clear, formProps } = useFieldErrors();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<Error>();
  useEffect(() => setValues(loaded.data), [loaded.data]);
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!values) return <Spinner label={`Loading ${props.title.toLowerCase()}`} />;
  const set = (key: string, value: Value) => {
    setState('idle');
    setValues({ ...values, [key]: value });
  };
  const save = async () => {
    setState('saving');
    clear();
    setProblem(undefined);
    try {
      setValues(await api<Values>(props.path, { method: 'PUT', body: values }));
      setState('saved');
    } catch (err) {
      refused(err);
      setProblem(err as Error);
      setState('idle');
    }
  };
  return (
    <form
      {...formProps}
      noValidate
      className={styles.form}
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{props.title}</h2>
      {props.children?.(values, set)}
      <div className={styles.numbers}>
        {props.numbers.map((n) => (
          <Field key={n.key} label={n.label} hint={n.hint} {...field(n.key)}>
            <Input
              type="number"
              min={0}
              value={String(values[n.key] ?? '')}
              onChange={(_, d) => set(n.key, Number(d.value))}
            />
          </Field>
        ))}
      </div>
      {problem && <ErrorNotice error={problem} />}
      <div>
        <Button appearance="primary" type="submit" disabled={state === 'saving'}>
          {state === 'saving' ? 'Saving…' : 'Save'}
        </Button>{' '}
        <Text role="status">{state === 'saved' ? 'Saved.' : ''}</Text>
      </div>
    </form>
  );
}

import { Button, Field, Input, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiProblem, api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '640px', marginBlockEnd: tokens.spacingVerticalXXL },
  numbers: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
  },
});

type Values = Record<string, number | string>;

interface NumberSetting {
  key: string;
  label: string;
  hint: string;
}

/**
 * One group of settings: loaded, edited and saved as a whole, with the server's messages shown
 * beside the fields they are about.
 */
function SettingsForm(props: {
  title: string;
  path: string;
  numbers: NumberSetting[];
  children?: (values: Values, set: (key: string, value: number | string) => void) => ReactNode;
}) {
  const styles = useStyles();
  const loaded = useApi<Values>(props.path);
  const [values, setValues] = useState<Values>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<Error>();
  useEffect(() => setValues(loaded.data), [loaded.data]);
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!values) return <Spinner label={`Loading ${props.title.toLowerCase()}`} />;
  const set = (key: string, value: number | string) => {
    setState('idle');
    setValues({ ...values, [key]: value });
  };
  const save = async () => {
    setState('saving');
    setErrors({});
    setProblem(undefined);
    try {
      setValues(await api<Values>(props.path, { method: 'PUT', body: values }));
      setState('saved');
    } catch (err) {
      if (err instanceof ApiProblem) setErrors(err.fieldErrors());
      setProblem(err as Error);
      setState('idle');
    }
  };
  return (
    <form
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
          <Field key={n.key} label={n.label} hint={n.hint} validationMessage={errors[n.key]}>
            <Input
              type="number"
              min={1}
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

/** Settings a school's senior leaders own; each change is audited with what it was before. */
export default function SchoolSettingsPage({ page, schoolId }: PageProps) {
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={page.title} subtitle="How your school decides applications and chases unread reports." />
      <SettingsForm
        title="Account applications"
        path={`/schools/${schoolId}/approvals`}
        numbers={[
          {
            key: 'approvalsNeeded',
            label: 'Approvals needed',
            hint: '1: the first senior leader to respond decides. More: that many must approve.',
          },
          {
            key: 'remindAfterWorkingDays',
            label: 'Remind SLT after (working days)',
            hint: 'Weekends and bank holidays are not counted. Repeated after as many more.',
          },
          {
            key: 'expireAfterWorkingDays',
            label: 'Close undecided applications after (working days)',
            hint: 'The applicant is told, and can apply again.',
          },
        ]}
      >
        {(values, set) => (
          <Field label="Runners without training or the policy read">
            <RadioGroup value={String(values.trainingGate)} onChange={(_, d) => set('trainingGate', d.value)}>
              <Radio value="block" label="Block approval until they are ready (recommended)" />
              <Radio value="warn-and-record" label="Allow approval with a reason, which is recorded" />
            </RadioGroup>
          </Field>
        )}
      </SettingsForm>
      <SettingsForm
        title="Chasing unread reports"
        path={`/schools/${schoolId}/escalation`}
        numbers={[
          {
            key: 'deputiesAfterMinutes',
            label: 'Alert deputy DSLs after (minutes)',
            hint: 'For a report nobody has opened.',
          },
          {
            key: 'headteacherAfterMinutes',
            label: 'Alert the headteacher after (minutes)',
            hint: 'Later than the deputies.',
          },
          {
            key: 'urgentDeputiesAfterMinutes',
            label: 'Urgent: deputies after (minutes)',
            hint: 'When someone is at risk now.',
          },
          {
            key: 'urgentHeadteacherAfterMinutes',
            label: 'Urgent: headteacher after (minutes)',
            hint: 'Later than the deputies.',
          },
        ]}
      />
    </section>
  );
}

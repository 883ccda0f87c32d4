import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LimitedField } from '../LimitedField.tsx';
import { TEXT_LIMITS } from '../../../src/domain/text-limits.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, api } from '../api.ts';
import { useFieldErrors } from '../useFieldErrors.ts';
import { PLATFORMS } from '../../../src/domain/records.ts';
import { StaffPicker } from '../StaffPicker.tsx';

export interface Application {
  id: string;
  etag: string;
  status: string;
  accountName: string;
  platform?: string;
  aim: string;
  audience: string;
  promotion: string;
  runnerIds: string[];
  volunteers: { name: string; relationship: string }[];
  visibility?: 'open' | 'private';
  submittedAt?: string;
  createdAt: string;
}

type Fields = Pick<
  Application,
  'accountName' | 'platform' | 'aim' | 'audience' | 'promotion' | 'runnerIds' | 'volunteers' | 'visibility'
>;
/** The server names a draft's fields as `fields.aim` when saving and `aim` when submitting; the form knows them as `aim`. */
const formField = (field: string) => field.replace(/^fields\./, '').split('.')[0]!;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const SAVE_DELAY_MS = 800;

/** The written parts of the business case, each with what SLT looks for. */
const LONG_ANSWERS: ['aim' | 'audience' | 'promotion', string, string][] = [
  [
    'aim',
    'Aim',
    'What the account is for and what it will achieve. SLT looks for a clear purpose that helps pupils or families.',
  ],
  ['audience', 'Intended audience', 'Parents, pupils, the local community… SLT checks the content suits them.'],
  ['promotion', 'How it will be promoted', 'Newsletter, website, letters home…'],
];

/** Why SLT asks about runners, said once where it matters. */
const RUNNER_HELP =
  'At least two members of staff, so the account is never left with one person. SLT checks that each has read the policy and completed the required training.';

/**
 * The business case, saved as a draft while it is typed. Problems come back next to their
 * fields; the server checks everything again on submission.
 */
export function ApplicationForm({ initial, onDone }: { initial?: Application; onDone: () => void }) {
  const styles = useStyles();
  const [fields, setFields] = useState<Fields>({
    accountName: initial?.accountName ?? '',
    platform: initial?.platform,
    aim: initial?.aim ?? '',
    audience: initial?.audience ?? '',
    promotion: initial?.promotion ?? '',
    runnerIds: initial?.runnerIds ?? [],
    volunteers: initial?.volunteers ?? [],
    visibility: initial?.visibility,
  });
  // The draft's id and version; a ref, because saving changes it and must not trigger another save.
  const saved = useRef<{ id: string; etag: string } | undefined>(
    initial ? { id: initial.id, etag: initial.etag } : undefined,
  );
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'refused' | 'failed'>('idle');
  // Counts saves, so the runners' readiness is asked again once the server has the new list.
  const [saves, setSaves] = useState(0);
  const { field, refused, clear, formProps } = useFieldErrors(formField);
  const [problem, setProblem] = useState<string>();
  const dirty = useRef(false);

  const update = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    dirty.current = true;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const setVolunteer = (index: number, patch: Partial<Fields['volunteers'][number]>) =>
    update(
      'volunteers',
      fields.volunteers.map((v, j) => (j === index ? { ...v, ...patch } : v)),
    );

  /** Creates the draft or saves it over the version last saved. */
  const saveDraft = useCallback(async (): Promise<Application> => {
    const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const current = saved.current;
    const result = current
      ? await api<Application>(`/applications/${current.id}`, {
          method: 'PUT',
          body: { etag: current.etag, fields: body },
        })
      : await api<Application>('/applications', { method: 'POST', body });
    saved.current = { id: result.id, etag: result.etag };
    setSaves((n) => n + 1);
    return result;
  }, [fields]);

  // Saves the draft shortly after typing stops, so nothing typed is lost.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      setSaveState('saving');
      saveDraft().then(
        () => {
          setSaveState('saved');
        },
        (err: unknown) => {
          // A field the server refused (too long, say) is marked beside it; only a lost connection is "failed".
          if (err instanceof ApiProblem && err.isRefusal) {
            setSaveState('refused');
            refused(err, { focus: false });
          } else setSaveState('failed');
        },
      );
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [saveDraft, refused]);

  const submit = async () => {
    setProblem(undefined);
    clear();
    try {
      const draft = await saveDraft();
      await api(`/applications/${draft.id}/submit`, { method: 'POST', body: { etag: draft.etag } });
      onDone();
    } catch (err) {
      refused(err);
      setProblem((err as Error).message);
    }
  };

  return (
    <form
      {...formProps}
      className={styles.form}
      aria-label="Application for an official account"
      onSubmit={(e) => e.preventDefault()}
    >
      <LimitedField
        label="Account name"
        required
        {...field('accountName')}
        hint="As it will appear on the platform, e.g. “Oakfield PE”."
        value={fields.accountName}
        limit={TEXT_LIMITS.line}
      >
        <Input value={fields.accountName} onChange={(_, d) => update('accountName', d.value)} />
      </LimitedField>
      <Field label="Platform" required {...field('platform')}>
        <Select value={fields.platform ?? ''} onChange={(_, d) => update('platform', d.value || undefined)}>
          <option value="">Choose…</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      {LONG_ANSWERS.map(([key, label, hint]) => (
        <LimitedField
          key={key}
          label={label}
          required
          {...field(key)}
          hint={hint}
          value={fields[key]}
          limit={TEXT_LIMITS.businessCase}
        >
          <Textarea value={fields[key]} onChange={(_, d) => update(key, d.value)} resize="vertical" />
        </LimitedField>
      ))}
      <StaffPicker
        label="Staff who will run it"
        hint={RUNNER_HELP}
        listLabel="Chosen staff"
        value={fields.runnerIds}
        onChange={(ids) => update('runnerIds', ids)}
        {...field('runnerIds')}
        readiness={{ path: saved.current && `/applications/${saved.current.id}/readiness`, refresh: saves }}
      />
      <fieldset>
        <legend>Volunteers or parents who will help (not staff)</legend>
        {fields.volunteers.map((v, i) => (
          <div key={i} className={styles.row}>
            <LimitedField label={`Volunteer ${i + 1}: full name`} value={v.name} limit={TEXT_LIMITS.line}>
              <Input value={v.name} onChange={(_, d) => setVolunteer(i, { name: d.value })} />
            </LimitedField>
            <LimitedField label="Connection to the school" value={v.relationship} limit={TEXT_LIMITS.line}>
              <Input value={v.relationship} onChange={(_, d) => setVolunteer(i, { relationship: d.value })} />
            </LimitedField>
            <Button
              onClick={() =>
                update(
                  'volunteers',
                  fields.volunteers.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </Button>
          </div>
        ))}
        <Button onClick={() => update('volunteers', [...fields.volunteers, { name: '', relationship: '' }])}>
          Add a volunteer
        </Button>
      </fieldset>
      <Field label="Open or private?" required {...field('visibility')}>
        <RadioGroup
          value={fields.visibility ?? ''}
          onChange={(_, d) => update('visibility', d.value as 'open' | 'private')}
        >
          <Radio value="open" label="Open: anyone can see it" />
          <Radio value="private" label="Private or closed: members approved by the moderators" />
        </RadioGroup>
      </Field>
      {problem && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {problem}
        </Text>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void submit()}>
          Send to SLT
        </Button>
        <Button onClick={onDone}>Close</Button>
        <Text aria-live="polite" size={200}>
          {saveState === 'saving'
            ? 'Saving draft…'
            : saveState === 'saved'
              ? 'Draft saved'
              : saveState === 'failed'
                ? 'Draft not saved: the hub could not be reached, check your connection'
                : saveState === 'refused'
                  ? 'Draft not saved: please check the answers marked'
                  : ''}
        </Text>
      </div>
    </form>
  );
}

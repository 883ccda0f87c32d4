import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../ErrorNotice.tsx';
import { date } from '../../format.ts';

export interface RotaEntry {
  from: string;
  to: string;
  personId: string;
  name: string;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  list: { margin: 0, paddingInlineStart: '1.2em' },
});

/**
 * Who covers the account on days the school is closed: on those days only they get the daily
 * reminder. The lead and administrators change it; everyone who monitors it can see it.
 */
export function Rota(props: {
  accountId: string;
  handle: string;
  etag?: string;
  canEdit: boolean;
  monitors: { id: string; name: string }[];
  rota: RotaEntry[];
  onSaved: (message: string) => void;
}) {
  const styles = useStyles();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [personId, setPersonId] = useState(props.monitors[0]?.id ?? '');
  const [error, setError] = useState<Error>();
  const save = async (rota: RotaEntry[], message: string) => {
    setError(undefined);
    try {
      await api(`/accounts/${encodeURIComponent(props.accountId)}/rota`, {
        method: 'PUT',
        body: { etag: props.etag, rota: rota.map(({ from, to, personId }) => ({ from, to, personId })) },
      });
      props.onSaved(message);
    } catch (err) {
      setError(err as Error);
    }
  };
  const nameOf = (id: string) => props.monitors.find((m) => m.id === id)?.name ?? id;
  return (
    <section aria-label={`Holiday rota for ${props.handle}`}>
      <Text weight="semibold">Holiday rota</Text>
      {props.rota.length === 0 ? (
        <Text block size={200}>
          No rota: on closure days everyone who monitors the account is reminded.
        </Text>
      ) : (
        <ul className={styles.list}>
          {props.rota.map((r, i) => (
            <li key={`${r.from}-${r.personId}`}>
              {r.from === r.to ? date(r.from) : `${date(r.from)} to ${date(r.to)}`}: {r.name}{' '}
              {props.canEdit && (
                <Button
                  size="small"
                  aria-label={`Remove ${r.name} from ${date(r.from)}`}
                  onClick={() =>
                    void save(
                      props.rota.filter((_, j) => j !== i),
                      `${props.handle}: rota updated.`,
                    )
                  }
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && (
        <form
          className={styles.form}
          aria-label={`Add to the rota for ${props.handle}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save(
              [...props.rota, { from, to: to || from, personId, name: nameOf(personId) }],
              `${props.handle}: ${nameOf(personId)} added to the rota.`,
            );
          }}
        >
          <Field label="From">
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label="To">
            <Input type="date" min={from} value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
          <Field label="Covered by">
            <Select value={personId} onChange={(_, d) => setPersonId(d.value)}>
              {props.monitors.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={!from || !personId}>
            Add to rota
          </Button>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

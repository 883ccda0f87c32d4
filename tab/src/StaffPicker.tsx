import { Badge, Button, Field, Select, Text, tokens } from '@fluentui/react-components';
import { useApi } from './useApi.ts';

export interface Person {
  id: string;
  displayName: string;
  jobTitle: string;
}

interface Readiness {
  personId: string;
  name: string;
  /** What they still lack, worded by the server. */
  gaps: string[];
  ready: boolean;
}

/** The school's staff, for pickers; the same request wherever it is needed. */
export const useStaff = () => useApi<{ items: Person[] }>('/people?limit=500').data?.items ?? [];

function ReadinessStatus({ readiness }: { readiness?: Readiness }) {
  if (!readiness) return null;
  if (readiness.ready) return <Badge color="success">Trained and has read the policy</Badge>;
  // Long, so plain text that wraps rather than a badge; applicants see what to ask, leaders what is missing.
  return (
    <Text block size={200} style={{ color: tokens.colorPaletteDarkOrangeForeground1 }}>
      {`${readiness.name}: ${readiness.gaps.join('; ')}`}
    </Text>
  );
}

/**
 * Chooses staff who will run or moderate an account, showing beside each whether they have
 * read the current policy and completed the required training.
 */
export function StaffPicker(props: {
  label: string;
  hint: string;
  listLabel: string;
  value: string[];
  onChange: (ids: string[]) => void;
  validationMessage?: string;
  /** Names the field for clearing its message when the choice changes (see useFieldErrors). */
  'data-field'?: string;
  /**
   * Where to ask how ready the chosen people are. By default, the leaders' and administrators'
   * look-up of any colleague; an application form asks about its own saved runners instead.
   */
  readiness?: { path?: string; refresh?: number };
}) {
  const staff = useStaff();
  const readiness = useApi<{ items: Readiness[] }>(
    props.readiness
      ? props.readiness.path
      : props.value.length
        ? `/applications/readiness?ids=${props.value.join(',')}`
        : undefined,
    props.readiness?.refresh,
  );
  const nameOf = (id: string) => staff.find((p) => p.id === id)?.displayName ?? id;
  return (
    <>
      <Field
        label={props.label}
        required
        validationMessage={props.validationMessage}
        hint={props.hint}
        data-field={props['data-field']}
      >
        <Select value="" onChange={(_, d) => d.value && props.onChange([...props.value, d.value])}>
          <option value="">Add a member of staff…</option>
          {staff
            .filter((p) => !props.value.includes(p.id))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.displayName} (${p.jobTitle})`}
              </option>
            ))}
        </Select>
      </Field>
      <ul aria-label={props.listLabel}>
        {props.value.map((id) => (
          <li key={id}>
            <Text>{nameOf(id)}</Text>{' '}
            <ReadinessStatus readiness={readiness.data?.items?.find((r) => r.personId === id)} />{' '}
            <Button
              size="small"
              aria-label={`Remove ${nameOf(id)}`}
              onClick={() => props.onChange(props.value.filter((r) => r !== id))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

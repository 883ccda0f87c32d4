import { Badge } from '@fluentui/react-components';
import type { ShownStanding } from '../../src/domain/training/dashboard.ts';
import { STATUS_LABELS, type TrainingStatus } from '../../src/domain/training/status.ts';
import { date } from './format.ts';

const COLOUR: Record<TrainingStatus, 'success' | 'warning' | 'danger' | 'informative' | 'brand'> = {
  completed: 'success',
  'due-soon': 'warning',
  overdue: 'danger',
  'not-started': 'informative',
  'awaiting-verification': 'brand',
};

/** A status in words and colour, with its date; the words carry the meaning, so colour is never the only cue. */
export function StatusBadge({ standing }: { standing: ShownStanding | null }) {
  if (!standing) return <span aria-label="Not required">—</span>;
  const when =
    standing.status === 'completed' || standing.status === 'due-soon'
      ? standing.dueOn && `expires ${date(standing.dueOn)}`
      : standing.status === 'awaiting-verification'
        ? undefined
        : standing.dueOn && `due ${date(standing.dueOn)}`;
  return (
    <span>
      <Badge appearance="tint" color={COLOUR[standing.status]}>
        {STATUS_LABELS[standing.status]}
      </Badge>
      {when && <span style={{ display: 'block', fontSize: '0.85em', whiteSpace: 'nowrap' }}>{when}</span>}
    </span>
  );
}

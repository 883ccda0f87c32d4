import { AGENCY_LABELS } from '../../../src/domain/incidents/agencies.ts';
import { INCIDENT_TYPE_IDS, INCIDENT_TYPES } from '../../../src/domain/incidents/catalogue.ts';
import { RISK_AREAS, RISK_TYPES } from '../../../src/domain/records.ts';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LimitedField } from '../LimitedField.tsx';
import { TEXT_LIMITS } from '../../../src/domain/text-limits.ts';
import { useEffect, useState } from 'react';
import { ApiProblem, api } from '../api.ts';
import { entryLabel, statusLabel } from '../format.ts';

const NEXT: Record<string, string[]> = {
  new: ['read'],
  read: ['in-progress', 'referred', 'closed'],
  'in-progress': ['referred', 'closed'],
  referred: ['in-progress', 'closed'],
  closed: ['in-progress'],
};

const AGENCIES = Object.entries(AGENCY_LABELS);

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '640px',
    padding: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** What a safeguarding lead can record on a case. The server checks every action again. */
export function CaseActions({
  id,
  etag,
  status,
  assigneeId,
  leads,
  classification,
  latest,
  onDone,
}: {
  id: string;
  /** The case's newest entry: after a refused change, what someone else did and who. */
  latest?: { kind: string; text: string; by?: string; at: string };
  etag: string;
  status: string;
  assigneeId?: string;
  /** The safeguarding leads this case can be assigned to. */
  leads: { id: string; name: string; jobTitle: string }[];
  /** What happened and its online risk, as the case holds them now. */
  classification: { type: string; riskArea: string; riskType: string };
  onDone: () => void;
}) {
  const styles = useStyles();
  const [kind, setKind] = useState('assessment');
  const [text, setText] = useState('');
  const [agency, setAgency] = useState('police');
  const [agencyReference, setAgencyReference] = useState('');
  const [to, setTo] = useState(NEXT[status]?.[0] ?? '');
  const [note, setNote] = useState('');
  const [assignTo, setAssignTo] = useState(assigneeId ?? leads[0]?.id ?? '');
  const [type, setType] = useState(classification.type);
  const [riskArea, setRiskArea] = useState(classification.riskArea);
  const [riskType, setRiskType] = useState(classification.riskType);
  const [problem, setProblem] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  // The case moved on (here or elsewhere): a status it can no longer go to is not offered.
  useEffect(() => {
    setTo((current) => (NEXT[status]?.includes(current) ? current : (NEXT[status]?.[0] ?? '')));
  }, [status]);

  const send = async (action: Record<string, unknown>, reset: () => void) => {
    setBusy(true);
    setProblem(undefined);
    setConflict(false);
    try {
      await api(`/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body: { etag, action } });
      reset();
      onDone();
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 409) {
        // What the person entered stays in the form; the case reloads underneath it.
        setConflict(true);
        onDone();
      } else {
        setProblem((err as Error).message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="case-actions" className={styles.panel}>
      <Text as="h2" id="case-actions" size={500} weight="semibold">
        Record on this case
      </Text>
      {problem && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {conflict && (
        <MessageBar layout="multiline" intent="warning" role="alert">
          <MessageBarBody>
            Not recorded yet: someone else updated this case while you were looking at it
            {latest ? ` (${latest.by ?? 'someone'}: ${entryLabel(latest.kind).toLowerCase()}, “${latest.text}”)` : ''}.
            What you entered is kept below. Check the case as it is now, then press the button again.
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="What are you recording?">
        <Select value={kind} onChange={(_, d) => setKind(d.value)}>
          <option value="assessment">Assessment</option>
          <option value="action">Action taken (for example, parents contacted)</option>
          <option value="referral">Referral to another agency</option>
          <option value="correction">Correction to the record</option>
        </Select>
      </Field>
      {kind === 'referral' && (
        <>
          <Field label="Agency">
            <Select value={agency} onChange={(_, d) => setAgency(d.value)}>
              {AGENCIES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <LimitedField
            label="Their reference number (if given)"
            value={agencyReference}
            limit={TEXT_LIMITS.agencyReference}
          >
            <Input value={agencyReference} onChange={(_, d) => setAgencyReference(d.value)} />
          </LimitedField>
        </>
      )}
      <LimitedField label="Details" required value={text} limit={TEXT_LIMITS.caseNote}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
      </LimitedField>
      <Button
        appearance="primary"
        disabled={busy || text.trim().length < 3}
        onClick={() =>
          void send(
            kind === 'referral'
              ? { kind, agency, agencyReference: agencyReference || undefined, text }
              : { kind, text },
            () => {
              setText('');
              setAgencyReference('');
            },
          )
        }
      >
        Add to chronology
      </Button>

      {leads.length > 0 && (
        <>
          <Field label="Assign to">
            <Select value={assignTo} onChange={(_, d) => setAssignTo(d.value)}>
              {leads.map((lead) => (
                <option key={lead.id} value={lead.id}>
                  {lead.name} ({lead.jobTitle})
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={busy || !assignTo || assignTo === assigneeId}
            onClick={() => void send({ kind: 'assign', assigneeId: assignTo }, () => undefined)}
          >
            Assign
          </Button>
        </>
      )}

      <Field label="What happened">
        <Select value={type} onChange={(_, d) => setType(d.value)}>
          {INCIDENT_TYPE_IDS.map((id) => (
            <option key={id} value={id}>
              {INCIDENT_TYPES[id].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Online risk area">
        <Select value={riskArea} onChange={(_, d) => setRiskArea(d.value)}>
          {RISK_AREAS.map((area) => (
            <option key={area} value={area}>
              {area}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Risk type">
        <Select value={riskType} onChange={(_, d) => setRiskType(d.value)}>
          {RISK_TYPES.map((risk) => (
            <option key={risk} value={risk}>
              {risk}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        disabled={
          busy ||
          (type === classification.type && riskArea === classification.riskArea && riskType === classification.riskType)
        }
        onClick={() => void send({ kind: 'classification', type, riskArea, riskType }, () => undefined)}
      >
        Change classification
      </Button>

      {NEXT[status] && (
        <>
          <Field label="Change status">
            <Select value={to} onChange={(_, d) => setTo(d.value)}>
              {NEXT[status]!.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </Select>
          </Field>
          {(to === 'closed' || status === 'closed') && (
            <LimitedField
              label={to === 'closed' ? 'Outcome (required to close)' : 'Reason for reopening'}
              required
              value={note}
              limit={TEXT_LIMITS.caseNote}
            >
              <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
            </LimitedField>
          )}
          <Button
            disabled={busy || ((to === 'closed' || status === 'closed') && note.trim().length === 0)}
            onClick={() =>
              void send(
                to === 'closed'
                  ? { kind: 'status', to, outcome: note }
                  : { kind: 'status', to, reason: note || undefined },
                () => setNote(''),
              )
            }
          >
            Change status
          </Button>
        </>
      )}
    </section>
  );
}

import { asSentence } from '../../../src/domain/sentence.ts';
import {
  Badge,
  Body1,
  Button,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LimitedField } from '../LimitedField.tsx';
import { TEXT_LIMITS } from '../../../src/domain/text-limits.ts';
import { useState } from 'react';
import type { ApprovalView } from '../../../src/cards/application-approval.ts';
import { ApiProblem, api } from '../api.ts';
import { ErrorNotice, SuccessNotice } from '../ErrorNotice.tsx';
import { dateTime } from '../format.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';

type Decision = 'approve' | 'reject' | 'request-changes' | 'reassign';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const ASK: Record<Decision, { title: string; label: string; button: string }> = {
  // Only asked for when the school approves untrained runners with a recorded reason.
  approve: {
    title: 'Approve with runners not yet ready',
    label: 'Why approve now (recorded with the decision)',
    button: 'Approve',
  },
  reject: { title: 'Reject this application', label: 'Reason (the applicant sees it)', button: 'Reject' },
  'request-changes': { title: 'Ask for changes', label: 'What needs to change', button: 'Send back' },
  reassign: { title: 'Ask a colleague to decide', label: 'A note for them (optional)', button: 'Hand over' },
};

/** SLT decides applications here as well as on the card in Teams; both go through the same server rules. */
export default function ApprovalsPage({ page }: PageProps) {
  const styles = useStyles();
  const state = useApi<{ items: ApprovalView[] }>(`/applications/pending`);
  const [asking, setAsking] = useState<{ item: ApprovalView; decision: Decision }>();
  const [comment, setComment] = useState('');
  const [colleague, setColleague] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<Error>();

  const send = async (item: ApprovalView, decision: Decision, text = '', reassignTo?: string) => {
    setError(undefined);
    try {
      const result = await api<{ status: string; outcome?: string }>(
        `/applications/${encodeURIComponent(item.applicationId)}/decision`,
        { method: 'POST', body: { decision, comment: text, ...(reassignTo ? { reassignTo } : {}) } },
      );
      setNotice(asSentence(`${item.accountName}: ${result.outcome ?? result.status}`));
      setAsking(undefined);
      setComment('');
      state.reload();
    } catch (err) {
      setError(err as Error);
      // Decided or changed by someone else meanwhile: show the list as it now is.
      if (err instanceof ApiProblem && err.status === 409) state.reload();
    }
  };

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="Applications for official accounts waiting for your school's senior leaders."
      />
      {notice && <SuccessNotice message={notice} />}
      {error && !asking && <ErrorNotice error={error} />}
      {state.error && <ErrorNotice error={state.error} />}
      {!state.data && !state.error && <Spinner label="Loading applications" />}
      {state.data?.items.length === 0 && <Body1>Nothing is waiting for a decision.</Body1>}
      <div className={styles.list}>
        {state.data?.items.map((item) => (
          <Card key={item.applicationId} aria-label={item.accountName}>
            <CardHeader
              header={
                <Text weight="semibold" size={500}>
                  {item.accountName}
                </Text>
              }
              description={
                <Body1>
                  {item.platform}, from {item.applicantName}
                  {item.submittedAt ? `, sent ${dateTime(item.submittedAt)}` : ''}
                  {item.approvalsNeeded > 1
                    ? ` · approvals ${item.approvalsSoFar.length} of ${item.approvalsNeeded}`
                    : ''}
                  {item.assignedTo ? ` · asked to decide: ${item.assignedTo}` : ''}
                </Body1>
              }
            />
            <dl className={styles.facts}>
              <dt className={styles.term}>Aim</dt>
              <dd>{item.aim}</dd>
              <dt className={styles.term}>Audience</dt>
              <dd>{item.audience}</dd>
              <dt className={styles.term}>Promotion</dt>
              <dd>{item.promotion}</dd>
              <dt className={styles.term}>Visibility</dt>
              <dd>{item.visibility}</dd>
              <dt className={styles.term}>Run by</dt>
              <dd>
                <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
                  {item.runners.map((r) => (
                    <li key={r.name}>
                      {r.name}{' '}
                      {r.ready ? (
                        <Badge color="success" appearance="tint">
                          Ready
                        </Badge>
                      ) : (
                        <Text size={200}>{r.gaps.join('; ')}</Text>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
              {item.volunteers.length > 0 && (
                <>
                  <dt className={styles.term}>Volunteers</dt>
                  <dd>{item.volunteers.map((v) => `${v.name} (${v.relationship})`).join(', ')}</dd>
                </>
              )}
            </dl>
            <div className={styles.actions}>
              {(() => {
                // The training gate's verdict before the click, by the same rule the server applies.
                const unready = item.runners.some((r) => !r.ready);
                const blocked = unready && item.gate === 'block';
                return (
                  <>
                    <Button
                      appearance="primary"
                      disabled={blocked}
                      onClick={() => (unready ? setAsking({ item, decision: 'approve' }) : void send(item, 'approve'))}
                    >
                      {unready && !blocked ? 'Approve…' : 'Approve'}
                    </Button>
                    {unready && (
                      <Text size={200}>
                        {blocked
                          ? 'Approve when every runner is trained and has read the policy (your school’s rule).'
                          : 'Not every runner is ready: approving needs a reason, which is recorded.'}
                      </Text>
                    )}
                  </>
                );
              })()}
              {(['reject', 'request-changes', 'reassign'] as const)
                .filter((d) => d !== 'reassign' || item.colleagues.length > 0)
                .map((decision) => (
                  <Button key={decision} onClick={() => setAsking({ item, decision })}>
                    {ASK[decision].button}…
                  </Button>
                ))}
            </div>
          </Card>
        ))}
      </div>
      {asking && (
        <Dialog open onOpenChange={(_, d) => !d.open && setAsking(undefined)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>
                {ASK[asking.decision].title}: {asking.item.accountName}
              </DialogTitle>
              <DialogContent>
                {asking.decision === 'reassign' && (
                  <Field label="Colleague" required>
                    <Select value={colleague} onChange={(_, d) => setColleague(d.value)}>
                      <option value="">Choose a senior leader…</option>
                      {asking.item.colleagues.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
                <LimitedField
                  label={ASK[asking.decision].label}
                  required={asking.decision !== 'reassign'}
                  value={comment}
                  limit={TEXT_LIMITS.decisionComment}
                >
                  <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
                </LimitedField>
                {error && <ErrorNotice error={error} />}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setAsking(undefined)}>Cancel</Button>
                <Button
                  appearance="primary"
                  disabled={asking.decision === 'reassign' && !colleague}
                  onClick={() => void send(asking.item, asking.decision, comment, colleague || undefined)}
                >
                  {ASK[asking.decision].button}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}

import { Checkbox, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { LimitedField } from '../../LimitedField.tsx';
import { TEXT_LIMITS } from '../../../../src/domain/text-limits.ts';
import { useState } from 'react';
import { api } from '../../api.ts';
import { FormDialog } from '../../FormDialog.tsx';
import { CredentialFields, NO_CREDENTIAL, TeamFields, type Team } from './AccountFields.tsx';

/** What the dialogs need to know about an account from the register. */
export interface ManagedAccount {
  id: string;
  etag: string;
  handle: string;
  lead: { id: string };
  moderators: { id: string }[];
  handover?: { leavers: { id: string; name: string }[] };
}

const path = (account: Pick<ManagedAccount, 'id'>, rest: string) =>
  `/accounts/${encodeURIComponent(account.id)}/${rest}`;

/** Hands the account to a new lead and moderators; leavers are taken off it as it saves. */
export function TransferDialog({ account, onClose }: { account: ManagedAccount; onClose: (saved: boolean) => void }) {
  const leaving = new Set(account.handover?.leavers.map((l) => l.id));
  const [team, setTeam] = useState<Team>({
    leadId: leaving.has(account.lead.id) ? '' : account.lead.id,
    moderatorIds: account.moderators.map((m) => m.id).filter((id) => !leaving.has(id)),
  });
  return (
    <FormDialog
      title={`Hand over ${account.handle}`}
      submitLabel="Hand over"
      intro={
        <p>
          {leaving.size > 0 ? `Leaving: ${account.handover!.leavers.map((l) => l.name).join(', ')}. ` : ''}
          Choose a trained lead and at least two trained moderators. Then change the account’s password and record it
          here: the handover is finished only when both are done.
        </p>
      }
      submit={() => api(path(account, 'transfer'), { method: 'POST', body: { etag: account.etag, ...team } })}
      onClose={onClose}
    >
      {(field) => <TeamFields value={team} onChange={setTeam} field={field} />}
    </FormDialog>
  );
}

/** Stores new sign-in details; during a handover this records the required password change. */
export function CredentialDialog({ account, onClose }: { account: ManagedAccount; onClose: (saved: boolean) => void }) {
  const [credential, setCredential] = useState(NO_CREDENTIAL);
  return (
    <FormDialog
      title={`Change sign-in details: ${account.handle}`}
      submitLabel="Save sign-in details"
      intro={
        <p>
          Change the password on the platform first, then enter the new details. Who recorded the change is kept; the
          password itself is only ever stored encrypted.
        </p>
      }
      submit={() => api(path(account, 'credential'), { method: 'PUT', body: { etag: account.etag, credential } })}
      onClose={onClose}
    >
      {(field) => <CredentialFields value={credential} onChange={setCredential} field={field} />}
    </FormDialog>
  );
}

/** Closes the account for good, with the date and the reason. */
export function CloseDialog({
  account,
  today,
  onClose,
}: {
  account: ManagedAccount;
  today: string;
  onClose: (saved: boolean) => void;
}) {
  const [closedOn, setClosedOn] = useState(today);
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={`Close ${account.handle}`}
      submitLabel="Close the account"
      intro={<p>Delete or archive the account on the platform, then record it here. This cannot be undone.</p>}
      submit={() => api(path(account, 'close'), { method: 'POST', body: { etag: account.etag, closedOn, reason } })}
      onClose={onClose}
    >
      {(field) => (
        <>
          <Field label="Closed on" required {...field('closedOn')}>
            <Input type="date" max={today} value={closedOn} onChange={(_, d) => setClosedOn(d.value)} />
          </Field>
          <LimitedField
            label="Why it is closing"
            required
            {...field('reason')}
            value={reason}
            limit={TEXT_LIMITS.closingReason}
          >
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </LimitedField>
        </>
      )}
    </FormDialog>
  );
}

const REVIEW_OUTCOMES = {
  keep: 'Keep it as it is',
  change: 'Keep it, with changes',
  close: 'Close it',
} as const;

/** SLT's yearly review of an account: still needed, aims met, right moderators, and the outcome. */
export function ReviewDialog({
  account,
  reason,
  onClose,
}: {
  account: Pick<ManagedAccount, 'id' | 'etag' | 'handle'>;
  reason?: 'yearly' | 'policy-changed';
  onClose: (saved: boolean) => void;
}) {
  const [answers, setAnswers] = useState({ stillNeeded: true, aimsMet: true, moderatorsRight: true });
  const [outcome, setOutcome] = useState<keyof typeof REVIEW_OUTCOMES>('keep');
  const [note, setNote] = useState('');
  const check = (key: keyof typeof answers, label: string) => (
    <Checkbox
      label={label}
      checked={answers[key]}
      onChange={(_, d) => setAnswers({ ...answers, [key]: d.checked === true })}
    />
  );
  return (
    <FormDialog
      title={`Review ${account.handle}`}
      submitLabel="Record the review"
      intro={
        <p>
          {reason === 'policy-changed'
            ? 'The school’s policy has changed since this account was last reviewed.'
            : 'Each official account is reviewed once a year.'}
        </p>
      }
      submit={() =>
        api(path(account, 'reviews'), { method: 'POST', body: { etag: account.etag, outcome, note, ...answers } })
      }
      onClose={onClose}
    >
      {(field) => (
        <>
          {check('stillNeeded', 'It is still needed')}
          {check('aimsMet', 'It is meeting the aims it was approved for')}
          {check('moderatorsRight', 'The lead and moderators are the right people')}
          <Field label="Outcome" required>
            <RadioGroup value={outcome} onChange={(_, d) => setOutcome(d.value as keyof typeof REVIEW_OUTCOMES)}>
              {Object.entries(REVIEW_OUTCOMES).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </RadioGroup>
          </Field>
          <LimitedField
            label={outcome === 'keep' ? 'Note (optional)' : 'What must change, or why it is closing'}
            required={outcome !== 'keep'}
            {...field('note')}
            value={note}
            limit={TEXT_LIMITS.reviewNote}
          >
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </LimitedField>
        </>
      )}
    </FormDialog>
  );
}

import type { AccountCredential } from '../../../../src/ports.ts';
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { LimitedField } from '../../LimitedField.tsx';
import { TEXT_LIMITS } from '../../../../src/domain/text-limits.ts';
import { StaffPicker, useStaff } from '../../StaffPicker.tsx';
import type { BindField } from '../../useFieldErrors.ts';

export interface Team {
  leadId: string;
  moderatorIds: string[];
}

/** Who runs an account: its lead and moderators, each shown with their training. */
export function TeamFields(props: { value: Team; onChange: (team: Team) => void; field: BindField }) {
  const staff = useStaff();
  return (
    <>
      <Field label="Lead" required {...props.field('leadId')} hint="The member of staff answerable for the account.">
        <Select value={props.value.leadId} onChange={(_, d) => props.onChange({ ...props.value, leadId: d.value })}>
          {!staff.some((p) => p.id === props.value.leadId) && <option value="">Choose the lead…</option>}
          {staff.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <StaffPicker
        label="Moderators"
        hint="At least two, all trained and having read the policy, so the account is watched when someone is away."
        listLabel="Chosen moderators"
        value={props.value.moderatorIds}
        onChange={(moderatorIds) => props.onChange({ ...props.value, moderatorIds })}
        {...props.field('moderatorIds')}
      />
    </>
  );
}

/** Sign-in details as the vault keeps them (src/ports.ts). */
export type Credential = AccountCredential;

export const NO_CREDENTIAL: Credential = { username: '', password: '', notes: '' };

/** An account's sign-in details, typed once and sent to the server, which encrypts them. */
export function CredentialFields(props: {
  value: Credential;
  onChange: (credential: Credential) => void;
  field: BindField;
}) {
  const set = (change: Partial<Credential>) => props.onChange({ ...props.value, ...change });
  return (
    <>
      <Field
        label="Sign-in name or email"
        required
        {...props.field('username', 'credential.username')}
        hint="Use a school-owned address, never a personal one, so the school keeps control."
      >
        <Input autoComplete="off" value={props.value.username} onChange={(_, d) => set({ username: d.value })} />
      </Field>
      <Field
        label="Password"
        required
        {...props.field('password', 'credential.password')}
        hint="Encrypted as soon as it reaches the server. Only the account’s team and administrators can reveal it, and each time is recorded."
      >
        <Input
          type="password"
          autoComplete="new-password"
          value={props.value.password}
          onChange={(_, d) => set({ password: d.value })}
        />
      </Field>
      <LimitedField
        label="Recovery notes"
        hint="Where the recovery codes are kept, which phone receives sign-in codes…"
        value={props.value.notes}
        limit={TEXT_LIMITS.accountNote}
      >
        <Textarea value={props.value.notes} onChange={(_, d) => set({ notes: d.value })} resize="vertical" />
      </LimitedField>
    </>
  );
}

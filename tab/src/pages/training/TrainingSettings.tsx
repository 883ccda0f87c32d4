import { SettingsForm } from '../../SettingsForm.tsx';

/** When training counts as due soon, and how long new starters (and a new policy version) allow. */
export function TrainingSettings({ schoolId, title = 'Training' }: { schoolId: string; title?: string }) {
  return (
    <SettingsForm
      title={title}
      path={`/schools/${encodeURIComponent(schoolId)}/training`}
      numbers={[
        {
          key: 'dueSoonDays',
          label: 'Due soon from (days before expiry)',
          hint: 'Shown as due soon, and counted as expiring, from this many days before.',
        },
        {
          key: 'graceDays',
          label: 'Grace period (days)',
          hint: 'New starters, and everyone after a new policy version, have this long before it is overdue.',
        },
      ]}
    />
  );
}

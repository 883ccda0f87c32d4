import { Button, Field, Input, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { date } from '../../format.ts';
import { SettingsForm } from '../../SettingsForm.tsx';

const useStyles = makeStyles({
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/** The school's closure days (INSET days, holidays): replies wait for the next open day, and the rota applies. */
function ClosureDays({ days, onChange }: { days: string[]; onChange: (days: string[]) => void }) {
  const styles = useStyles();
  const [day, setDay] = useState('');
  return (
    <Field
      label="Closure days"
      hint="Weekdays the school is shut besides bank holidays: INSET days and school holidays."
    >
      <div className={styles.add}>
        <Input type="date" aria-label="Closure day to add" value={day} onChange={(_, d) => setDay(d.value)} />
        <Button
          disabled={!day || days.includes(day)}
          onClick={() => {
            onChange([...days, day].sort());
            setDay('');
          }}
        >
          Add closure day
        </Button>
      </div>
      {days.length > 0 && (
        <TagGroup aria-label="Closure days" onDismiss={(_, d) => onChange(days.filter((x) => x !== d.value))}>
          {days.map((d) => (
            <Tag key={d} value={d} dismissible dismissIcon={{ 'aria-label': `Remove ${date(d)}` }}>
              {date(d)}
            </Tag>
          ))}
        </TagGroup>
      )}
    </Field>
  );
}

/** When moderators are reminded, when SLT hear about an unchecked account, and the school's closure days. */
export function MonitoringSettings({ schoolId }: { schoolId: string }) {
  return (
    <SettingsForm
      title="Monitoring settings"
      path={`/schools/${encodeURIComponent(schoolId)}/monitoring`}
      numbers={[
        {
          key: 'escalateUncheckedAfterDays',
          label: 'Tell SLT after (days without a check-in)',
          hint: 'Replies past their due time are always passed to SLT.',
        },
      ]}
    >
      {(values, set) => (
        <>
          <Field label="Daily reminder from" hint="UK time. Moderators who have not checked in that day get the card.">
            <Input
              type="time"
              value={String(values.reminderTime ?? '')}
              onChange={(_, d) => set('reminderTime', d.value)}
            />
          </Field>
          <ClosureDays
            days={(values.closures as string[] | undefined) ?? []}
            onChange={(days) => set('closures', days)}
          />
        </>
      )}
    </SettingsForm>
  );
}

import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useApi } from '../useApi.ts';
import { unnamedConcernReaders } from '../../../src/domain/incidents/routing.ts';
import { LANGUAGES, LANGUAGE_NAMES, translatedShare, type Language } from '../../../src/domain/strings.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { SettingsForm } from '../SettingsForm.tsx';
import { TrainingSettings } from './training/TrainingSettings.tsx';

/**
 * Who reads a concern about an adult: without them such a concern goes to the safeguarding leads
 * instead, which the page says plainly.
 */
function ConcernReaders({ schoolId }: { schoolId: string }) {
  const staff = useApi<{ items: { id: string; displayName: string; jobTitle: string }[] }>(
    `/people?schoolId=${encodeURIComponent(schoolId)}&limit=500`,
  );
  const people = staff.data?.items ?? [];
  const picker =
    (label: string, hint: string, key: string) =>
    (values: Record<string, unknown>, set: (k: string, v: string) => void) => (
      <Field label={label} hint={hint}>
        <Select value={String(values[key] ?? '')} onChange={(_, d) => set(key, d.value)}>
          <option value="">Nobody named</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
              {p.jobTitle ? `, ${p.jobTitle}` : ''}
            </option>
          ))}
        </Select>
      </Field>
    );
  const head = picker(
    'Headteacher',
    'Reads concerns about any adult at the school. With nobody named, those go to the safeguarding leads.',
    'headteacherId',
  );
  const chair = picker(
    'Chair of governors',
    'Reads concerns about the headteacher. With nobody named, those go to the safeguarding leads.',
    'chairOfGovernorsId',
  );
  const unnamed = (values: Record<string, unknown>) =>
    unnamedConcernReaders({
      headteacherId: (values.headteacherId as string | null) || undefined,
      chairOfGovernorsId: (values.chairOfGovernorsId as string | null) || undefined,
    });
  return (
    <SettingsForm title="Concerns about adults" path={`/schools/${schoolId}/concern-readers`} numbers={[]}>
      {(values, set) => (
        <>
          {unnamed(values).length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                No {unnamed(values)[0]} is named: concerns they would read go to the safeguarding leads instead. Name
                them below.
              </MessageBarBody>
            </MessageBar>
          )}
          {head(values, set)}
          {chair(values, set)}
        </>
      )}
    </SettingsForm>
  );
}

/** Settings a school's senior leaders own; each change is audited with what it was before. */
export default function SchoolSettingsPage({ page, schoolId }: PageProps) {
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="How your school decides applications, chases unread reports, counts training, answers policy questions, and who reads concerns about adults."
      />
      <SettingsForm
        title="Account applications"
        path={`/schools/${schoolId}/approvals`}
        numbers={[
          {
            key: 'approvalsNeeded',
            label: 'Approvals needed',
            hint: '1: the first senior leader to respond decides. More: that many must approve.',
          },
          {
            key: 'remindAfterWorkingDays',
            label: 'Remind SLT after (working days)',
            hint: 'Weekends and bank holidays are not counted. Repeated after as many more.',
          },
          {
            key: 'expireAfterWorkingDays',
            label: 'Close undecided applications after (working days)',
            hint: 'The applicant is told, and can apply again.',
          },
        ]}
      >
        {(values, set) => (
          <Field label="Runners without training or the policy read">
            <RadioGroup value={String(values.trainingGate)} onChange={(_, d) => set('trainingGate', d.value)}>
              <Radio value="block" label="Block approval until they are ready (recommended)" />
              <Radio value="warn-and-record" label="Allow approval with a reason, which is recorded" />
            </RadioGroup>
          </Field>
        )}
      </SettingsForm>
      <SettingsForm
        title="Chasing unread reports"
        path={`/schools/${schoolId}/escalation`}
        numbers={[
          {
            key: 'deputiesAfterMinutes',
            label: 'Alert deputy DSLs after (minutes)',
            hint: 'For a report nobody has opened.',
          },
          {
            key: 'headteacherAfterMinutes',
            label: 'Alert the headteacher after (minutes)',
            hint: 'Later than the deputies.',
          },
          {
            key: 'urgentDeputiesAfterMinutes',
            label: 'Urgent: deputies after (minutes)',
            hint: 'When someone is at risk now.',
          },
          {
            key: 'urgentHeadteacherAfterMinutes',
            label: 'Urgent: headteacher after (minutes)',
            hint: 'Later than the deputies.',
          },
        ]}
      />
      <TrainingSettings schoolId={schoolId} />
      <SettingsForm title="Language" path={`/schools/${schoolId}/language`} numbers={[]}>
        {(values, set) => (
          <Field
            label="Language of the hub’s own words"
            hint="The tab’s pages and the bot’s welcome and help, for this school’s staff (a school’s policy stays as written). Words not yet translated appear in English."
          >
            <Select value={String(values.language)} onChange={(_, d) => set('language', d.value)}>
              {LANGUAGES.map((l: Language) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                  {l === 'en-GB' ? '' : ` (${Math.round(translatedShare(l) * 100)}% translated)`}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </SettingsForm>
      <SettingsForm title="Policy answers" path={`/schools/${schoolId}/policy-answers`} numbers={[]}>
        {(values, set) => (
          <Field
            label="How sure the bot must be before it answers a policy question"
            hint="When it is not sure enough, it says so, shows the parts of the policy that may be related, and offers Ask SLT. On the questions we tested, “very sure” gave about a quarter fewer wrong answers but answered about one question in eight fewer."
          >
            <RadioGroup value={String(values.certainty)} onChange={(_, d) => set('certainty', d.value)}>
              <Radio value="fairly-sure" label="Fairly sure: answers more questions (recommended)" />
              <Radio value="very-sure" label="Very sure: fewer wrong answers, more “I’m not sure”" />
            </RadioGroup>
          </Field>
        )}
      </SettingsForm>
      <ConcernReaders schoolId={schoolId} />
      <SettingsForm title="SLT team in Teams" path={`/schools/${schoolId}/slt-team`} numbers={[]}>
        {(values, set) => (
          <Field
            label="SLT team id"
            hint="The team whose General channel receives account applications and staff questions for SLT; the hub installs itself there. In Teams: the team's menu, Get link to team, and the groupId in that link. Leave it empty to use each leader's chat, or a channel set up by typing “set up SLT questions” in it."
          >
            <Input value={String(values.teamId ?? '')} onChange={(_, d) => set('teamId', d.value.trim())} />
          </Field>
        )}
      </SettingsForm>
    </section>
  );
}

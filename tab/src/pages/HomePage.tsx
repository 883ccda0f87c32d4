import {
  Badge,
  Body1,
  Subtitle2,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PageHeader } from '../PageHeader.tsx';
import { useShell } from '../shell-context.ts';
import { pagesFor, type PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import { dateTime } from '../format.ts';
import type { MyAlert } from '../../../src/notifications/my-alerts.ts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalL} 0 0`,
    padding: 0,
    listStyleType: 'none',
  },
  // Drawn like an outline card; Fluent's Card would add 20 kB to every role's first screen for a box.
  shortcut: {
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  alerts: { marginTop: tokens.spacingVerticalM },
});

interface Outstanding {
  policy?: { standing: { status: string } };
  courses: { title: string; standing: { status: string } | null }[];
}

const needsDoing = (status: string) => status !== 'completed' && status !== 'due-soon';

/** What the person still has to do for the school: read the policy, or bring training up to date. */
function TrainingTasks() {
  const { data } = useApi<Outstanding>('/training/mine');
  if (!data) return null;
  const unread = data.policy && needsDoing(data.policy.standing.status);
  const courses = data.courses.filter((c) => c.standing && needsDoing(c.standing.status)).map((c) => c.title);
  if (!unread && courses.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {unread && (
          <>
            Please <Link href="#/policy">read the policy and confirm you have read it</Link>.{' '}
          </>
        )}
        {courses.length > 0 && (
          <>
            Training to bring up to date: {courses.join(', ')} (<Link href="#/my-training">My training</Link>).
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The alerts and tasks sent to this person that still stand: a new report for a DSL, an
 * application for a leader, an account to create. Shown whether or not the Teams message arrived.
 */
function MyAlerts() {
  const styles = useStyles();
  const { data } = useApi<{ items: MyAlert[] }>('/my-alerts');
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="my-alerts" className={styles.alerts}>
      <Subtitle2 as="h2" id="my-alerts">
        Needs your attention
      </Subtitle2>
      <ul aria-label="Needs your attention">
        {data.items.map((alert) => (
          <li key={alert.key}>
            {alert.urgent && (
              <Badge color="danger" appearance="filled">
                Urgent
              </Badge>
            )}{' '}
            <Link href={`#/${alert.page}`}>{alert.text}</Link> <Text size={200}>{dateTime(alert.at)}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function HomePage(_props: PageProps) {
  const styles = useStyles();
  const { me, t } = useShell();
  const shortcuts = pagesFor(me.roles, me.language).filter((p) => p.id !== 'home');
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={t('home.welcome', { name: me.person.displayName.split(' ')[0]! })}
        subtitle={`${me.person.jobTitle}, ${me.schools.map((s) => s.name).join(' and ')}`}
      />
      <MessageBar layout="multiline" intent="warning">
        <MessageBarBody>{t('safeguarding.first')}</MessageBarBody>
      </MessageBar>
      <MyAlerts />
      <TrainingTasks />
      <ul className={styles.grid} aria-label={t('home.yourPages')}>
        {shortcuts.map((page) => (
          <li key={page.id} className={styles.shortcut}>
            <Link href={`#/${page.id}`}>
              <Text weight="semibold">{page.title}</Text>
            </Link>
            <Body1>{page.purpose}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}

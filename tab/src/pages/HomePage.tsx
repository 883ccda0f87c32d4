import {
  Body1,
  Card,
  CardHeader,
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

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
  },
});

export default function HomePage(_props: PageProps) {
  const styles = useStyles();
  const { me } = useShell();
  const shortcuts = pagesFor(me.roles).filter((p) => p.id !== 'home');
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={`Welcome, ${me.person.displayName.split(' ')[0]}`}
        subtitle={`${me.person.jobTitle}, ${me.schools.map((s) => s.name).join(' and ')}`}
      />
      <MessageBar intent="warning">
        <MessageBarBody>
          If a child may be at risk of harm, speak to your designated safeguarding lead now. If a life is at risk, call
          999 first.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.grid}>
        {shortcuts.map((page) => (
          <Card key={page.id} appearance="outline">
            <CardHeader
              header={
                <Link href={`#/${page.id}`}>
                  <Text weight="semibold">{page.title}</Text>
                </Link>
              }
              description={<Body1>{page.purpose}</Body1>}
            />
          </Card>
        ))}
      </div>
    </section>
  );
}

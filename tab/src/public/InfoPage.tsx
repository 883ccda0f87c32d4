import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '../PageHeader.tsx';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXL, maxWidth: '75ch' } });

const TEXT = {
  privacy: {
    title: 'Privacy',
    paragraphs: [
      "Social Media Policy Hub runs inside your school's own Microsoft 365 tenant. Its records are kept in SharePoint lists on your school's site, under your school's control as data controller.",
      'It records what is needed to run the social media policy: staff names, roles and training, account applications and decisions, reported incidents and their chronology, policy acknowledgements, and an audit of who viewed or changed safeguarding records.',
      'Safeguarding records are visible only to the designated safeguarding lead, their deputies and senior leaders, and are kept for the periods in the policy. Notifications never contain sensitive detail.',
      "Ask your school's data protection officer about your records or to exercise your rights.",
    ],
  },
  terms: {
    title: 'Terms of use',
    paragraphs: [
      "Use Social Media Policy Hub for your school's work and in line with its social media, safeguarding and acceptable use policies.",
      'Report concerns truthfully and promptly. The hub does not replace speaking to your designated safeguarding lead when a child may be at risk, or calling 999 when a life is at risk.',
    ],
  },
} as const;

/** Public pages the Teams manifest links to; readable without signing in. */
export function InfoPage({ kind }: { kind: keyof typeof TEXT }) {
  const styles = useStyles();
  const { title, paragraphs } = TEXT[kind];
  return (
    <main className={styles.page} aria-labelledby="page-title">
      <PageHeader title={title} />
      {paragraphs.map((p) => (
        <Body1 as="p" key={p}>
          {p}
        </Body1>
      ))}
    </main>
  );
}

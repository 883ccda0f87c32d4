import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalL,
  },
  title: { display: 'block', margin: 0 },
  subtitle: { display: 'block', margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The one page heading: an h1 that the page's landmark is labelled by, and an optional subtitle. */
export function PageHeader({ title, subtitle }: { title: string; subtitle?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Title2 as="h1" id="page-title" className={styles.title}>
        {title}
      </Title2>
      {subtitle && (
        <Body1 as="p" className={styles.subtitle}>
          {subtitle}
        </Body1>
      )}
    </div>
  );
}

import { Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '../PageHeader.tsx';
import { useEffect, useState } from 'react';
import { api, type Policy } from '../api.ts';
import type { PageProps } from '../pages.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

const useStyles = makeStyles({
  layout: { display: 'flex', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start', flexWrap: 'wrap' },
  toc: { flex: '0 0 16rem', position: 'sticky', top: 0 },
  tocList: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  body: { flex: '1 1 30rem', maxWidth: '75ch', lineHeight: tokens.lineHeightBase400 },
  section: { scrollMarginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalL },
  target: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '4px' },
  clause: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalS },
});

/** The school's policy with a table of contents; `#/policy/<section>` opens at that section (the bot's answers link here). */
export default function PolicyPage({ schoolId, param }: PageProps) {
  const styles = useStyles();
  const [policy, setPolicy] = useState<Policy>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    api<Policy>(`/policy?schoolId=${encodeURIComponent(schoolId)}`).then(setPolicy, setError);
  }, [schoolId]);
  useEffect(() => {
    if (!policy || !param) return;
    const target = document.getElementById(`section-${param}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [policy, param]);

  if (error) return <ErrorNotice error={error} />;
  if (!policy) return <Spinner label="Loading the policy" />;
  return (
    <article aria-labelledby="page-title">
      <PageHeader
        title={policy.title}
        subtitle={`Version ${policy.versionNumber}, published ${new Date(policy.importedAt).toLocaleDateString('en-GB')}`}
      />
      <div className={styles.layout}>
        <nav aria-label="Contents" className={styles.toc}>
          <ol className={styles.tocList}>
            {policy.sections.map((s) => (
              <li key={s.id}>
                <Link href={`#/policy/${encodeURIComponent(s.id)}`}>{s.headingPath.at(-1) ?? 'Introduction'}</Link>
              </li>
            ))}
          </ol>
        </nav>
        <div className={styles.body}>
          {policy.sections.map((s) => (
            <section
              key={s.id}
              id={`section-${s.id}`}
              tabIndex={-1}
              aria-labelledby={`heading-${s.id}`}
              className={`${styles.section} ${s.id === param ? styles.target : ''}`}
            >
              <Text as="h2" id={`heading-${s.id}`} size={500} weight="semibold" block>
                {s.headingPath.at(-1) ?? 'Introduction'}
              </Text>
              {s.passages.map((p) => (
                <p key={p.id}>
                  {p.clause && <span className={styles.clause}>{p.clause}</span>}
                  {p.text}
                </p>
              ))}
            </section>
          ))}
        </div>
      </div>
    </article>
  );
}

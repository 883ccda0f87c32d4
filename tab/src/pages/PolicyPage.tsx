import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '../PageHeader.tsx';
import { useEffect, useState } from 'react';
import { api, type Policy } from '../api.ts';
import type { PageProps } from '../pages.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

const useStyles = makeStyles({
  text: {
    whiteSpace: 'pre-wrap',
    maxWidth: '75ch',
    lineHeight: tokens.lineHeightBase400,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
});

export default function PolicyPage({ schoolId }: PageProps) {
  const styles = useStyles();
  const [policy, setPolicy] = useState<Policy>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    api<Policy>(`/policy?schoolId=${encodeURIComponent(schoolId)}`).then(setPolicy, setError);
  }, [schoolId]);

  if (error) return <ErrorNotice error={error} />;
  if (!policy) return <Spinner label="Loading the policy" />;
  return (
    <article aria-labelledby="page-title">
      <PageHeader
        title={policy.title}
        subtitle={`Version ${policy.versionNumber}, published ${new Date(policy.importedAt).toLocaleDateString('en-GB')}`}
      />
      <div className={styles.text}>{policy.text}</div>
    </article>
  );
}

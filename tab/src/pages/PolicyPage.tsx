import { Body1, Caption1, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
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
      <Title2 as="h1" id="page-title">
        {policy.title}
      </Title2>
      <Caption1 as="p">
        Version {policy.versionNumber}, published {new Date(policy.importedAt).toLocaleDateString('en-GB')}
      </Caption1>
      <Body1 as="div" className={styles.text}>
        {policy.text}
      </Body1>
    </article>
  );
}

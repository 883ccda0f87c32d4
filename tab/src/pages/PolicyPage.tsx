import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PageHeader } from '../PageHeader.tsx';
import { useEffect, useState } from 'react';
import { api, type Policy } from '../api.ts';
import type { PageProps } from '../pages.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { PolicyAcknowledgement } from './PolicyAcknowledgement.tsx';
import { PublishPolicy } from './PublishPolicy.tsx';
import { useShell } from '../shell-context.ts';
import type { PolicyAnswer } from '../../../src/policy/answer.ts';

const useStyles = makeStyles({
  layout: { display: 'flex', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start', flexWrap: 'wrap' },
  toc: { flex: '0 0 16rem', position: 'sticky', top: 0 },
  tocList: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  body: { flex: '1 1 30rem', maxWidth: '75ch', lineHeight: tokens.lineHeightBase400 },
  section: { scrollMarginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalL },
  target: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '4px' },
  clause: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalS },
  related: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  tools: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalL,
  },
});

type SearchResult = Pick<
  PolicyAnswer,
  'answered' | 'passage' | 'heading' | 'sectionId' | 'alternates' | 'closeCall' | 'tooGeneral' | 'suggestions'
>;

const sectionLink = (part: { sectionId: string; heading: string }) => (
  <Link href={`#/policy/${encodeURIComponent(part.sectionId)}`}>{part.heading}</Link>
);

/** What the search found, said as the bot says it: the answer, two possible answers, or what may be related. */
function SearchAnswer({ result }: { result: SearchResult }) {
  const styles = useStyles();
  const second = result.closeCall ? result.alternates[0] : undefined;
  if (result.answered && second) {
    return (
      <>
        <Text weight="semibold" block>
          Two parts of the policy may answer this:
        </Text>
        <ul className={styles.related}>
          {[result, second].map((part) => (
            <li key={part.passage}>
              {sectionLink(part)}: {part.passage}
            </li>
          ))}
        </ul>
      </>
    );
  }
  if (result.answered) {
    return (
      <>
        {sectionLink(result)}: {result.passage}
      </>
    );
  }
  return (
    <>
      <Text block>
        {result.tooGeneral
          ? 'That fits many parts of the policy. Say a little more: what happened, or what you want to do.'
          : 'The policy does not seem to cover this. Ask the bot, and use "Ask SLT" on its answer.'}
      </Text>
      {result.suggestions.length > 0 && (
        <>
          <Text weight="semibold" block>
            These parts of the policy may be related:
          </Text>
          <ul className={styles.related}>
            {result.suggestions.map((s) => (
              <li key={s.sectionId}>{sectionLink(s)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Ask the policy a question in your own words; the best passage links to its section. */
function PolicySearch({ schoolId }: { schoolId: string }) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<Error>();
  const search = () => {
    if (q.trim().length < 2) return;
    api<SearchResult>(`/policy/search?schoolId=${encodeURIComponent(schoolId)}&q=${encodeURIComponent(q.trim())}`).then(
      setResult,
      setError,
    );
  };
  return (
    <div role="search" style={{ flex: '1 1 24rem' }}>
      <Field label="Search the policy">
        <SearchBox
          value={q}
          onChange={(_, d) => setQ(d.value)}
          onKeyDown={(e) => e.key === 'Enter' && search()}
          placeholder="For example: can I follow an ex-pupil?"
        />
      </Field>
      <Button onClick={search}>Search</Button>
      {error && <ErrorNotice error={error} />}
      {result && (
        <MessageBar intent={result.answered ? 'info' : 'warning'} layout="multiline">
          <MessageBarBody>
            <SearchAnswer result={result} />
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** The school's policy with a table of contents; `#/policy/<section>` opens at that section (the bot's answers link here). */
export default function PolicyPage({ schoolId, param }: PageProps) {
  const styles = useStyles();
  const [policy, setPolicy] = useState<Policy>();
  const [version, setVersion] = useState<number>();
  const [error, setError] = useState<Error>();
  const [published, setPublished] = useState(0);
  const { me } = useShell();
  useEffect(() => {
    const which = version ? `&version=${version}` : '';
    api<Policy>(`/policy?schoolId=${encodeURIComponent(schoolId)}${which}`).then(setPolicy, setError);
  }, [schoolId, version, published]);
  // Senior leaders publish new versions here, including the first.
  const publish = me.roles.includes('SLT') && (
    <PublishPolicy
      schoolId={schoolId}
      onPublished={(v) => {
        setError(undefined);
        setVersion(v);
        setPublished((n) => n + 1);
      }}
    />
  );
  useEffect(() => {
    if (!policy || !param) return;
    const target = document.getElementById(`section-${param}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [policy, param]);

  if (error) {
    return (
      <>
        <ErrorNotice error={error} />
        {publish}
      </>
    );
  }
  if (!policy) return <Spinner label="Loading the policy" />;
  return (
    <article aria-labelledby="page-title">
      <PageHeader
        title={policy.title}
        subtitle={`Version ${policy.versionNumber}, published ${new Date(policy.importedAt).toLocaleDateString('en-GB')}`}
      />
      <div className={styles.tools}>
        <PolicySearch schoolId={schoolId} />
        {policy.versions.length > 1 && (
          <Field label="Version">
            <Select value={String(policy.versionNumber)} onChange={(_, d) => setVersion(Number(d.value))}>
              {policy.versions.map((v) => (
                <option key={v} value={v}>
                  Version {v}
                  {v === policy.versions[0] ? ' (current)' : ''}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
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
          {policy.versionNumber === policy.versions[0] && (
            <PolicyAcknowledgement
              key={policy.versionId}
              versionId={policy.versionId}
              versionNumber={policy.versionNumber}
              acknowledgedAt={policy.acknowledgedAt}
            />
          )}
        </div>
      </div>
      {publish}
    </article>
  );
}

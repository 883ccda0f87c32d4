import {
  Body1,
  Button,
  Card,
  CardFooter,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiProblem, api, session, type Persona } from './api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { useTouchStyles } from './touch.ts';

const useStyles = makeStyles({
  page: {
    maxWidth: '720px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalXXL,
    '@media (max-width: 720px)': { padding: tokens.spacingHorizontalM },
  },
  list: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalL,
    padding: 0,
    listStyle: 'none',
  },
});

/** Embedded mode only: choose one of the invented demo people, one per role. */
export function DevSignIn({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string }) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const [personas, setPersonas] = useState<Persona[]>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    api<{ items: Persona[] }>('/dev/personas').then(
      (r) => setPersonas(r.items),
      (err: unknown) =>
        setError(
          err instanceof ApiProblem && err.status === 404
            ? new Error('Sign-in with your school Microsoft account is not available in this build yet.')
            : (err as Error),
        ),
    );
  }, []);

  const signIn = async (personId: string) => {
    setBusy(personId);
    try {
      const { token } = await api<{ token: string }>('/dev/sign-in', { method: 'POST', body: { personId } });
      session.set(token);
      onSignedIn();
    } catch (err) {
      setError(err as Error);
      setBusy(undefined);
    }
  };

  return (
    <main className={`${styles.page} ${touch.touch}`} aria-labelledby="sign-in-title">
      <Title2 as="h1" id="sign-in-title">
        Choose who to sign in as
      </Title2>
      <Body1 as="p" block>
        This is the embedded demo. Everyone here is invented. Pick a person to see the hub as someone in that role
        would.
      </Body1>
      <MessageBar layout="multiline" intent="info">
        <MessageBarBody>
          The demo sign-in only works on this computer and is switched off in a real school tenant.
        </MessageBarBody>
      </MessageBar>
      {notice && (
        <MessageBar layout="multiline" intent="warning" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorNotice error={error} />}
      {!personas && !error && <Spinner label="Loading demo people" />}
      <ul className={styles.list}>
        {personas?.map((p) => (
          <li key={p.role}>
            <Card appearance="outline">
              <CardHeader
                header={<Text weight="semibold">{p.roleLabel}</Text>}
                description={
                  <Body1>
                    {p.person.displayName}, {p.person.jobTitle}, {p.person.schoolName}
                  </Body1>
                }
              />
              {/* Below the name, not beside it, so a long job title never covers it on a phone. */}
              <CardFooter>
                <Button
                  appearance="primary"
                  disabled={busy !== undefined}
                  aria-label={`Sign in as ${p.person.displayName} (${p.roleLabel})`}
                  onClick={() => void signIn(p.person.id)}
                >
                  {busy === p.person.id ? 'Signing in…' : 'Sign in'}
                </Button>
              </CardFooter>
            </Card>
          </li>
        ))}
      </ul>
    </main>
  );
}

import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { dateTime } from '../format.ts';

const useStyles = makeStyles({
  panel: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalXXL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    justifyItems: 'start',
  },
});

/**
 * "I have read and understood this policy", at the end of the document. The button wakes up only
 * once the end has been on screen, however the reader got there: scrolling, keyboard or the contents.
 */
export function PolicyAcknowledgement({
  versionId,
  versionNumber,
  acknowledgedAt,
}: {
  versionId: string;
  versionNumber: number;
  acknowledgedAt?: string;
}) {
  const styles = useStyles();
  const end = useRef<HTMLDivElement>(null);
  const [reachedEnd, setReachedEnd] = useState(false);
  const [confirmedAt, setConfirmedAt] = useState(acknowledgedAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  useEffect(() => {
    const target = end.current;
    if (!target || confirmedAt) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setReachedEnd(true);
        observer.disconnect();
      }
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [confirmedAt]);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setConfirmedAt(
        (await api<{ at: string }>('/policy/acknowledgements', { method: 'POST', body: { versionId } })).at,
      );
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel} ref={end} aria-label="Confirm you have read the policy" role="region">
      {confirmedAt ? (
        <MessageBar layout="multiline" intent="success">
          <MessageBarBody>
            You confirmed you have read and understood version {versionNumber} on {dateTime(confirmedAt)}.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text id="acknowledge-hint">
            {reachedEnd
              ? 'You have reached the end of the policy.'
              : 'Read the policy to the end; then you can confirm you have read it.'}
          </Text>
          <Button
            appearance="primary"
            disabled={!reachedEnd || busy}
            aria-describedby="acknowledge-hint"
            onClick={() => void confirm()}
          >
            I have read and understood this policy
          </Button>
          {error && <ErrorNotice error={error} />}
        </>
      )}
    </div>
  );
}

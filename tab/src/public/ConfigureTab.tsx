import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageHeader } from '../PageHeader.tsx';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXL, maxWidth: '640px' } });

/**
 * Teams shows this page when someone adds the hub as a channel tab. Saving points the tab at the
 * home page; what each member then sees still depends on their own role, checked on the server.
 */
export function ConfigureTab({ inTeams }: { inTeams: boolean }) {
  const styles = useStyles();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!inTeams) return;
    let cancelled = false;
    void import('@microsoft/teams-js').then(({ pages }) => {
      if (cancelled) return;
      const contentUrl = `${window.location.origin}/tab/#/home`;
      pages.config.registerOnSaveHandler((event) => {
        pages.config
          .setConfig({
            entityId: 'hub-channel',
            contentUrl,
            websiteUrl: contentUrl,
            suggestedDisplayName: 'Social Media Policy',
          })
          .then(
            () => event.notifySuccess(),
            (err: unknown) => {
              setProblem(String(err));
              event.notifyFailure(String(err));
            },
          );
      });
      pages.config.setValidityState(true);
    });
    return () => {
      cancelled = true;
    };
  }, [inTeams]);

  return (
    <main className={styles.page} aria-labelledby="page-title">
      <PageHeader title="Add Social Media Policy Hub to this channel" />
      <Body1 as="p">
        Everyone in the channel can open the hub from this tab. Each person sees only the pages their role allows: for
        example, safeguarding cases are visible to the safeguarding lead and senior leaders only.
      </Body1>
      {!inTeams && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>This page is used by Microsoft Teams when the hub is added to a channel.</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>Teams could not save the tab: {problem}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}

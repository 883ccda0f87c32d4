import { Body1, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import type { PageProps } from '../pages.ts';

/** Stands in for a page whose feature has not landed yet, saying plainly what it will do. */
export default function UpcomingPage({ page }: PageProps) {
  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" id="page-title">
        {page.title}
      </Title2>
      <Body1 as="p">{page.purpose}</Body1>
      <MessageBar intent="info">
        <MessageBarBody>This page is not available yet. It is being built and will appear here.</MessageBarBody>
      </MessageBar>
    </section>
  );
}

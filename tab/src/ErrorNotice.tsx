import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function ErrorNotice({ error }: { error: Error }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Something went wrong</MessageBarTitle>
        {error.message}
      </MessageBarBody>
    </MessageBar>
  );
}

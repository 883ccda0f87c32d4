import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function ErrorNotice({ error }: { error: Error }) {
  return (
    <MessageBar layout="multiline" intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Something went wrong</MessageBarTitle>
        {error.message}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Says what just happened, politely announced to screen readers. */
export function SuccessNotice({ message }: { message: string }) {
  return (
    <MessageBar layout="multiline" intent="success" role="status">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}

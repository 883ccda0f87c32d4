import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiProblem } from './api.ts';

/** What kind of "no" it was, in a word or two; the message itself says which rule and what to do. */
const REFUSAL_TITLES: Record<number, string> = {
  400: 'Please check',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Not possible now',
  413: 'Too large',
  422: 'Please confirm',
  429: 'Please wait',
};

/** Shows why something could not be done: a refusal in the rule's own words, or a fault with its reference. */
export function ErrorNotice({ error }: { error: Error }) {
  const refusal = error instanceof ApiProblem && error.isRefusal;
  // fetch rejects with a TypeError when the hub cannot be reached at all.
  const unreachable = error instanceof TypeError;
  const title = refusal
    ? (REFUSAL_TITLES[(error as ApiProblem).status] ?? 'This could not be done')
    : unreachable
      ? 'The hub could not be reached'
      : 'Something went wrong';
  return (
    <MessageBar layout="multiline" intent={refusal ? 'warning' : 'error'} role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {unreachable ? 'Check your connection, then try again.' : error.message}
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

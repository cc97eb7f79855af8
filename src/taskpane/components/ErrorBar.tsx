import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { errorText } from '../error-text';

/** A failure in plain words: what happened, then what to do next. */
export function ErrorBar(props: { title: string; error: unknown; next: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {errorText(props.error)} {props.next}
      </MessageBarBody>
    </MessageBar>
  );
}

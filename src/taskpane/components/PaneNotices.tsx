import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { currentNotices, dismissNotice, subscribe } from '../../shared/pane-bridge';

/** Messages the ribbon commands left for the pane, newest last, each dismissible. */
export function PaneNotices() {
  const notices = useSyncExternalStore(subscribe, currentNotices, currentNotices);
  if (notices.length === 0) return null;
  return (
    <div role="region" aria-label="Messages from the ribbon" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {notices.map((notice, i) => (
        <MessageBar key={`${i}-${notice.title}`} intent={notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.message}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={`Dismiss: ${notice.title}`} onClick={() => dismissNotice(i)}>
                Dismiss
              </Button>
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}

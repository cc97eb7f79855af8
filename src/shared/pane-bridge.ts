/**
 * The ribbon commands and the task pane share one JavaScript runtime, so a command can leave a
 * message or a request for the pane here, and the pane shows it when it opens.
 */
export type PaneView = 'mapping' | 'run' | 'overview' | 'settings';

export interface PaneNotice {
  readonly intent: 'success' | 'warning' | 'error' | 'info';
  readonly title: string;
  readonly message: string;
}

type Listener = () => void;

const state: { view: PaneView | null; notices: PaneNotice[] } = { view: null, notices: [] };
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function requestView(view: PaneView): void {
  state.view = view;
  emit();
}

export function postNotice(notice: PaneNotice): void {
  state.notices = [...state.notices, notice];
  emit();
}

/** Takes the pending view request, if any. */
export function takeRequestedView(): PaneView | null {
  const view = state.view;
  state.view = null;
  return view;
}

export function currentNotices(): readonly PaneNotice[] {
  return state.notices;
}

export function dismissNotice(index: number): void {
  state.notices = state.notices.filter((_, i) => i !== index);
  emit();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

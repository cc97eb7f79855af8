import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalendarDate } from '../core/model/serial-dates';
import type { PaneCore, PaneData } from './pane-core';
import type { PaneHost } from './pane-host';

export type PaneDataState =
  | { readonly kind: 'loading'; readonly stage: 'reading' | 'judging'; readonly data: PaneData | null }
  | { readonly kind: 'ready'; readonly data: PaneData }
  | { readonly kind: 'error'; readonly error: unknown; readonly data: PaneData | null };

/**
 * Reads the workbook through the host and has the core judge it (in its worker, so the pane
 * stays responsive); `reload` after anything was written.
 */
export function usePaneData(host: PaneHost, core: PaneCore, today: CalendarDate): { state: PaneDataState; reload: () => Promise<void> } {
  const [state, setState] = useState<PaneDataState>({ kind: 'loading', stage: 'reading', data: null });
  const version = useRef(0);
  const latest = useRef<PaneData | null>(null);

  const reload = useCallback(async () => {
    const mine = ++version.current;
    setState({ kind: 'loading', stage: 'reading', data: latest.current });
    try {
      const workbook = await host.read();
      if (mine !== version.current) return;
      setState({ kind: 'loading', stage: 'judging', data: latest.current });
      const data = await core.load(workbook, today, mine);
      if (mine !== version.current) return;
      latest.current = data;
      setState({ kind: 'ready', data });
    } catch (error) {
      if (mine === version.current) setState({ kind: 'error', error, data: latest.current });
    }
    // `today` is compared by value: a new object for the same day must not re-read the workbook.
  }, [host, core, today.year, today.month, today.day]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}

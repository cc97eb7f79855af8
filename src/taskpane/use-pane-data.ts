import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalendarDate } from '../core/model/serial-dates';
import type { PaneHost } from './pane-host';
import { paneDataFrom, type PaneData } from './pane-data';

export type PaneDataState =
  | { readonly kind: 'loading'; readonly data: PaneData | null }
  | { readonly kind: 'ready'; readonly data: PaneData }
  | { readonly kind: 'error'; readonly error: unknown; readonly data: PaneData | null };

/** Reads the workbook through the host and judges it; `reload` after anything was written. */
export function usePaneData(host: PaneHost, today: CalendarDate): { state: PaneDataState; reload: () => Promise<void> } {
  const [state, setState] = useState<PaneDataState>({ kind: 'loading', data: null });
  const version = useRef(0);
  const latest = useRef<PaneData | null>(null);

  const reload = useCallback(async () => {
    const mine = ++version.current;
    setState({ kind: 'loading', data: latest.current });
    try {
      const workbook = await host.read();
      if (mine !== version.current) return;
      const data = paneDataFrom(workbook, today, mine);
      latest.current = data;
      setState({ kind: 'ready', data });
    } catch (error) {
      if (mine === version.current) setState({ kind: 'error', error, data: latest.current });
    }
    // `today` is compared by value: a new object for the same day must not re-read the workbook.
  }, [host, today.year, today.month, today.day]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}

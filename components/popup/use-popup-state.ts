/**
 * Subscribes the popup to the cache with Dexie's liveQuery: the first result replaces
 * "loading", and every later write (a sync landing while the popup is open) re-renders it.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { LicenseDatabase } from '../../lib/db';
import { loadPopupData } from '../../lib/popup-data';
import type { PopupState } from './actions';

export function usePopupState(db: LicenseDatabase): PopupState {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(() => loadPopupData(db)).subscribe({
      next: (data) => setState({ kind: 'ready', data }),
      error: (error) => setState({ kind: 'error', error }),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return state;
}

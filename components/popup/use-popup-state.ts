/**
 * Subscribes the popup to the cache with Dexie's liveQuery: the first full read replaces
 * "loading", and every later write (a sync landing while the popup is open) re-renders it.
 * First, a few small rows are read to check the snapshot of the last model
 * (lib/popup-snapshot.ts): if it was made from the cache exactly as it is now it shows at once,
 * so 10,000 sets show as fast as a few. The full read starts only after that check, since
 * IndexedDB would otherwise answer the small reads after the large one.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { localToday } from '../../lib/dates';
import type { LicenseDatabase } from '../../lib/db';
import { loadPopupData, loadStamp, stampOf } from '../../lib/popup-data';
import { popupModel } from '../../lib/popup-model';
import { loadSnapshot, saveSnapshot } from '../../lib/popup-snapshot';
import type { PopupState } from './actions';

export function usePopupState(db: LicenseDatabase, storage: Storage | undefined, clock: () => Date): PopupState {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  useEffect(() => {
    const today = localToday(clock());
    let subscription: Subscription | null = null;
    let stopped = false;
    const subscribe = () => {
      if (stopped) return;
      subscription = liveQuery(() => loadPopupData(db)).subscribe({
        next: (data) => {
          const model = popupModel(data, today);
          setState({ kind: 'ready', model });
          saveSnapshot(storage, stampOf(data, today), model);
        },
        error: (error) => setState({ kind: 'error', error }),
      });
    };
    loadStamp(db, today)
      .then((stamp) => {
        const model = stopped ? null : loadSnapshot(storage, stamp);
        if (model) setState({ kind: 'ready', model });
      })
      // Shown at once (a failed open may never answer the full read); a full read that works replaces it.
      .catch((error) => {
        if (!stopped) setState({ kind: 'error', error });
      })
      .finally(subscribe);
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  }, [db, storage, clock]);
  return state;
}

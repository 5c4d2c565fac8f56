/**
 * The options page's live view of the cache: the settings (normalised, defaults when none were
 * saved) and the organizations and tracks the cached sets name, for the badge checkboxes.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { LicenseDatabase } from '../../lib/db';
import type { Settings } from '../../lib/settings';
import { readSettings } from '../../lib/settings-store';

export interface OptionsData {
  settings: Settings;
  organizations: string[];
  tracks: string[];
  setCount: number;
}

export type OptionsState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; data: OptionsData };

export async function loadOptionsData(db: LicenseDatabase): Promise<OptionsData> {
  return db.transaction('r', [db.sets, db.settings], async () => {
    const [settings, organizations, tracks, setCount] = await Promise.all([
      readSettings(db),
      db.sets.orderBy('organization').uniqueKeys(),
      db.sets.orderBy('track').uniqueKeys(),
      db.sets.count(),
    ]);
    return { settings, organizations: organizations.map(String), tracks: tracks.map(String), setCount };
  });
}

export function useOptionsState(db: LicenseDatabase): OptionsState {
  const [state, setState] = useState<OptionsState>({ kind: 'loading' });
  useEffect(() => {
    let stopped = false;
    const subscription = liveQuery(() => loadOptionsData(db)).subscribe({
      next: (data) => setState({ kind: 'ready', data }),
      error: (error) => setState({ kind: 'error', error }),
    });
    // liveQuery never reports a database that cannot open at all (IndexedDB missing, as in some
    // private windows): a plain read does, so the page explains instead of loading forever.
    loadOptionsData(db).catch((error) => {
      if (!stopped) setState({ kind: 'error', error });
    });
    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
  }, [db]);
  return state;
}

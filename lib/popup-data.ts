/**
 * Reads what the popup shows from the cache in one read transaction, so a sync landing halfway
 * never shows half old, half new figures. Run inside Dexie's liveQuery, it re-runs whenever a
 * table it read changes. `loadStamp` reads only the few small rows that identify the cache's
 * state, to check the popup's snapshot before the full read.
 */
import type { CalendarDate } from './dates';
import type { LicenseDatabase, SyncMeta } from './db';
import type { PopupData } from './popup-model';
import type { CacheStamp } from './popup-snapshot';
import { normalizeSettings } from './settings-store';

export async function loadPopupData(db: LicenseDatabase): Promise<PopupData> {
  return db.transaction('r', [db.sets, db.settings, db.meta, db.syncLog], async () => {
    const [sets, stored, metaRows, lastLog] = await Promise.all([
      db.sets.toArray(),
      db.settings.get('settings'),
      db.meta.toArray(),
      db.syncLog.orderBy('id').last(),
    ]);
    const { id: _id, ...settings } = stored ?? { id: 'settings' };
    const meta = (metaRows.find((row) => row.id === 'sync') as SyncMeta | undefined) ?? null;
    return { sets, settings: normalizeSettings(settings), meta, metaRows, lastLog: lastLog ?? null };
  });
}

export function stampOf(data: PopupData, today: CalendarDate): CacheStamp {
  return { today, settings: data.settings, metaRows: data.metaRows, lastLogId: data.lastLog?.id ?? null };
}

export async function loadStamp(db: LicenseDatabase, today: CalendarDate): Promise<CacheStamp> {
  return db.transaction('r', [db.settings, db.meta, db.syncLog], async () => {
    const [stored, metaRows, lastLogId] = await Promise.all([
      db.settings.get('settings'),
      db.meta.toArray(),
      db.syncLog.orderBy('id').lastKey(),
    ]);
    const { id: _id, ...settings } = stored ?? { id: 'settings' };
    return {
      today,
      settings: normalizeSettings(settings),
      metaRows,
      lastLogId: typeof lastLogId === 'number' ? lastLogId : null,
    };
  });
}

/**
 * Reads what the popup shows from the cache in one read transaction, so a sync landing halfway
 * never shows half old, half new figures. Run inside Dexie's liveQuery, it re-runs whenever a
 * table it read changes.
 */
import type { LicenseDatabase } from './db';
import type { PopupData } from './popup-model';
import { normalizeSettings } from './settings-store';

export async function loadPopupData(db: LicenseDatabase): Promise<PopupData> {
  return db.transaction('r', [db.sets, db.settings, db.meta, db.syncLog], async () => {
    const [sets, stored, meta, lastLog] = await Promise.all([
      db.sets.toArray(),
      db.settings.get('settings'),
      db.meta.get('sync'),
      db.syncLog.orderBy('id').last(),
    ]);
    const { id: _id, ...settings } = stored ?? { id: 'settings' };
    return { sets, settings: normalizeSettings(settings), meta: meta ?? null, lastLog: lastLog ?? null };
  });
}

/**
 * The popup's last model, kept in the extension's localStorage so the popup can show its figures
 * before it has read every cached set again (reading 10,000 sets from IndexedDB takes far longer
 * than drawing them). A snapshot is used only when its stamp matches the cache as it is now: the
 * same day, settings, meta rows (the last applied sync, which every sync that changes a set
 * rewrites, and the last recompute) and last sync log entry. Restoring a backup or clearing the
 * data drops the snapshot. The full read follows at once, replaces it, and stays live.
 * (Counting the sets would be a further check, but IndexedDB counts 10,000 rows slowly.)
 */
import type { CalendarDate } from './dates';
import type { Capped, PopupModel } from './popup-model';
import type { Settings } from './settings';

export const SNAPSHOT_KEY = 'letrs-popup-snapshot';
/** Bump when PopupModel changes shape, so an older snapshot is never read as a newer one. */
const SNAPSHOT_VERSION = 1;

/** What identifies the cache's state as far as the popup's figures go. */
export interface CacheStamp {
  today: CalendarDate;
  settings: Settings;
  metaRows: unknown[];
  lastLogId: number | null;
}

export function stampKey(stamp: CacheStamp): string {
  return JSON.stringify([SNAPSHOT_VERSION, stamp.today, stamp.settings, stamp.metaRows, stamp.lastLogId]);
}

/** Rows kept per list: more than the popup shows before "Show all"; the full read brings the rest. */
export const SNAPSHOT_ROWS = 12;

function trimmed<T>(list: Capped<T>): Capped<T> {
  return { items: list.items.slice(0, SNAPSHOT_ROWS), total: list.total };
}

/** Keeps the model (lists cut short, so it reads back fast) for the next popup; a full or unavailable storage only costs the head start. */
export function saveSnapshot(storage: Storage | undefined, stamp: CacheStamp, model: PopupModel): void {
  const small: PopupModel = {
    ...model,
    ending: trimmed(model.ending),
    starting: trimmed(model.starting),
    missing: trimmed(model.missing),
    disagreements: trimmed(model.disagreements),
    overAssigned: trimmed(model.overAssigned),
  };
  try {
    storage?.setItem(SNAPSHOT_KEY, JSON.stringify({ key: stampKey(stamp), model: small }));
  } catch {
    forgetSnapshot(storage);
  }
}

/** The kept model if it was made from the cache exactly as `stamp` describes it, else null. */
export function loadSnapshot(storage: Storage | undefined, stamp: CacheStamp): PopupModel | null {
  try {
    const text = storage?.getItem(SNAPSHOT_KEY);
    if (!text) return null;
    const saved = JSON.parse(text) as { key?: unknown; model?: PopupModel };
    return saved.key === stampKey(stamp) && saved.model ? saved.model : null;
  } catch {
    return null;
  }
}

/** Drops the kept model (after a restore or clear, so nothing old can ever show). */
export function forgetSnapshot(storage: Storage | undefined): void {
  try {
    storage?.removeItem(SNAPSHOT_KEY);
  } catch {
    // Storage unavailable: there is nothing to forget.
  }
}

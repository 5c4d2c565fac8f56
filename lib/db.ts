/**
 * The extension's cache in IndexedDB, declared once here and opened by the background worker,
 * the popup and the options page (they share the extension's origin). Plain Dexie, no extension
 * APIs. Each schema change adds a `version(n)` with an upgrade that migrates old data; the
 * declarations of shipped versions never change (test/fixtures/db/v1.json is a v1 database).
 *
 * Versions:
 * 1. sets, history (one entry per set per day), syncLog, settings, notifications.
 * 2. `meta` table holding the last applied sync (row 'sync': when, which page), so the badge's
 *    "data is old" hint and the notification click do not depend on the sync log, which a later
 *    clean-up may prune, and the day statuses were last recomputed for (row 'recompute', see
 *    lib/recompute.ts); `startDate` and `missingSince` indexes on sets, so the daily recompute
 *    reads only the sets whose status can have changed, and the popup can list the sets no longer
 *    shown on the page; the unused `status` index is dropped (every index costs every write). The upgrade fills 'sync' from the v1 sync log.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ExportableSet } from './csv';
import type { CalendarDate } from './dates';
import type { LicenseSet, Status } from './license';
import type { Diagnostic } from './page-read';
import type { Settings } from './settings';

export const DB_NAME = 'letrs-license-tracker';

/** A license set as cached: what the page last showed, when, and today's computed status. */
export interface CachedSet extends ExportableSet {
  /** organization + track + the row's id (or name when the page gives none): see setKey(). */
  key: string;
  /** '' when the page showed no organization. */
  organization: string;
  firstSeen: CalendarDate;
  lastSeen: CalendarDate;
  /** ISO instant of the first sync on `lastSeen` that showed the set (or changed it). */
  lastSeenAt: string;
  /** Set when a complete read of the organization's page no longer showed the set. */
  missingSince: CalendarDate | null;
  /**
   * Kept true as days pass (after every sync, at start-up and daily): status and expiringSoon are
   * right for the day of the last recompute. daysUntilEnd is as of `computedOn`, the day this set's
   * values were last computed, which stays put while nothing about the set changes (rewriting every
   * set every day would cost seconds for 10,000 sets): for today's count use factsFor(set, today).
   */
  status: Status;
  daysUntilEnd: number | null;
  expiringSoon: boolean;
  computedOn: CalendarDate;
}

/** The fields whose change is recorded in history. */
export type TrackedFields = Pick<
  LicenseSet,
  'licenses' | 'assigned' | 'completed' | 'startDate' | 'endDate' | 'pageStatus'
>;

export const TRACKED_FIELDS: readonly (keyof TrackedFields)[] = [
  'licenses',
  'assigned',
  'completed',
  'startDate',
  'endDate',
  'pageStatus',
];

/** One entry per set per day: the values the set had that day, and which of them changed. */
export interface HistoryEntry {
  key: string;
  date: CalendarDate;
  values: TrackedFields;
  /** Field names that differ from the previous entry (all of them for the first). */
  changed: (keyof TrackedFields)[];
}

export interface SyncLogEntry {
  id?: number;
  /** ISO instant. */
  at: string;
  url: string;
  organization: string | null;
  setCount: number;
  complete: boolean;
  /** The cache took the read (false for an incomplete or empty read). */
  applied: boolean;
  diagnostics: Diagnostic[];
}

export interface StoredSettings extends Settings {
  id: 'settings';
}

/** A notification already sent: one per set per lead time, ever. */
export interface SentNotification {
  key: string;
  leadDays: number;
  /** ISO instant. */
  at: string;
}

/** The last sync the cache took (schema v2). One row, id 'sync'. */
export interface SyncMeta {
  id: 'sync';
  /** ISO instant of the last applied sync; null before the first. */
  lastSyncAt: string | null;
  /** The page that sync read (https://…letrs.com/…); null before the first. */
  lastSyncUrl: string | null;
}

/** Schema v1, frozen: the first schema the extension ever had. Never edit. */
export const SCHEMA_V1 = {
  sets: 'key, organization, track, endDate, status',
  history: '[key+date], key, date',
  syncLog: '++id, at, organization',
  settings: 'id',
  notifications: '[key+leadDays], key',
} as const;

/** Schema v2: what changed from v1 (Dexie keeps the other tables as they were). */
export const SCHEMA_V2_CHANGES = {
  sets: 'key, organization, track, startDate, endDate, missingSince',
  meta: 'id',
} as const;

export const SCHEMA_VERSION = 2;

/** v1 → v2: the last applied sync, read from the v1 sync log, goes into `meta`. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const lastApplied = await tx
    .table<SyncLogEntry, number>('syncLog')
    .orderBy('id')
    .reverse()
    .filter((entry) => entry.applied)
    .first();
  const meta: SyncMeta = { id: 'sync', lastSyncAt: lastApplied?.at ?? null, lastSyncUrl: lastApplied?.url ?? null };
  await tx.table<SyncMeta, string>('meta').put(meta);
}

export class LicenseDatabase extends Dexie {
  sets!: EntityTable<CachedSet, 'key'>;
  history!: Dexie.Table<HistoryEntry, [string, string]>;
  syncLog!: EntityTable<SyncLogEntry, 'id'>;
  settings!: EntityTable<StoredSettings, 'id'>;
  notifications!: Dexie.Table<SentNotification, [string, number]>;
  meta!: EntityTable<SyncMeta, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2_CHANGES).upgrade(upgradeToV2);
  }
}

/** The cache key of a set: organization + track + id (or name). */
export function setKey(set: Pick<LicenseSet, 'organization' | 'track' | 'id' | 'name'>): string {
  return JSON.stringify([set.organization ?? '', set.track, set.id ? `id:${set.id}` : `name:${set.name}`]);
}

/**
 * The extension's cache in IndexedDB, declared once here and opened by the background worker,
 * the popup and the options page (they share the extension's origin). Plain Dexie, no extension
 * APIs. Each schema change adds a `version(n)` with an upgrade that migrates old data.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ExportableSet } from './csv';
import type { CalendarDate } from './dates';
import type { LicenseSet, Status } from './license';
import type { Diagnostic } from './page-read';
import type { Settings } from './settings';

export const DB_NAME = 'letrs-license-tracker';

/** A license set as cached: what the page last showed, when, and today's computed status. */
export interface CachedSet extends ExportableSet {
  /** organization + track + the row's id (or name when the page gives none). */
  key: string;
  /** '' when the page showed no organization. */
  organization: string;
  firstSeen: CalendarDate;
  lastSeen: CalendarDate;
  /** ISO instant of the last sync that showed the set. */
  lastSeenAt: string;
  /** Set when a complete read of the organization's page no longer showed the set. */
  missingSince: CalendarDate | null;
  /** Recomputed from the dates as of `computedOn` (after every sync and daily). */
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

export class LicenseDatabase extends Dexie {
  sets!: EntityTable<CachedSet, 'key'>;
  history!: Dexie.Table<HistoryEntry, [string, string]>;
  syncLog!: EntityTable<SyncLogEntry, 'id'>;
  settings!: EntityTable<StoredSettings, 'id'>;
  notifications!: Dexie.Table<SentNotification, [string, number]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      sets: 'key, organization, track, endDate, status',
      history: '[key+date], key, date',
      syncLog: '++id, at, organization',
      settings: 'id',
      notifications: '[key+leadDays], key',
    });
  }
}

/** The cache key of a set: organization + track + id (or name). */
export function setKey(set: Pick<LicenseSet, 'organization' | 'track' | 'id' | 'name'>): string {
  return JSON.stringify([set.organization ?? '', set.track, set.id ? `id:${set.id}` : `name:${set.name}`]);
}

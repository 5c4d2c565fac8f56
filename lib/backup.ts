/**
 * Backup and restore of the whole cache (sets, history, sync log, settings, sent notifications,
 * the last-sync record) as one JSON file with a format name and version. A file is checked completely (size, JSON,
 * format, version, every field with valibot) before anything is written; a restore then
 * replaces every table in ONE Dexie transaction, so a refused or failed restore changes nothing.
 */
import * as v from 'valibot';
import { isCalendarDate } from './dates';
import type {
  CachedSet,
  HistoryEntry,
  LicenseDatabase,
  SentNotification,
  StoredSettings,
  SyncLogEntry,
  SyncMeta,
} from './db';
import { LicenseSetSchema } from './messages';
import { type Parsed, SettingsSchema } from './settings-input';

export const BACKUP_FORMAT = 'letrs-license-tracker-backup';
export const BACKUP_VERSION = 1;
/** Far above 10,000 sets with a year of history; a larger file is not one of ours. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO instant. */
  exportedAt: string;
  sets: CachedSet[];
  history: HistoryEntry[];
  syncLog: SyncLogEntry[];
  settings: StoredSettings | null;
  notifications: SentNotification[];
  /** The last applied sync; absent in a file that has none, then rebuilt from the sync log. */
  meta?: SyncMeta | null;
}

const NOTHING_CHANGED = 'Nothing was changed.';
const text = v.pipe(v.string(), v.maxLength(10_000));
const calendarDate = v.pipe(
  v.string(),
  v.check((s: string) => isCalendarDate(s), 'not a YYYY-MM-DD date'),
);
const instant = v.pipe(
  v.string(),
  v.check((s: string) => !Number.isNaN(Date.parse(s)), 'not a date and time'),
);
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));
const status = v.picklist(['upcoming', 'active', 'expired', 'unknown']);
const trackedField = v.picklist(['licenses', 'assigned', 'completed', 'startDate', 'endDate', 'pageStatus']);

const CachedSetSchema = v.object({
  ...LicenseSetSchema.entries,
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(30_000)),
  organization: text,
  firstSeen: calendarDate,
  lastSeen: calendarDate,
  lastSeenAt: instant,
  missingSince: v.nullable(calendarDate),
  status,
  daysUntilEnd: v.nullable(v.pipe(v.number(), v.integer())),
  expiringSoon: v.boolean(),
  computedOn: calendarDate,
});

const HistorySchema = v.object({
  key: v.pipe(v.string(), v.minLength(1)),
  date: calendarDate,
  values: v.object({
    licenses: count,
    assigned: count,
    completed: count,
    startDate: v.nullable(calendarDate),
    endDate: v.nullable(calendarDate),
    pageStatus: v.nullable(v.picklist(['upcoming', 'active', 'expired'])),
  }),
  changed: v.array(trackedField),
});

const SyncLogSchema = v.object({
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  at: instant,
  url: text,
  organization: v.nullable(text),
  setCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  complete: v.boolean(),
  applied: v.boolean(),
  diagnostics: v.array(v.object({ level: v.picklist(['info', 'warning', 'error']), message: text })),
});

const NotificationSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1)),
  leadDays: v.pipe(v.number(), v.integer(), v.minValue(0)),
  at: instant,
});

const MetaSchema = v.object({
  id: v.literal('sync'),
  lastSyncAt: v.nullable(instant),
  lastSyncUrl: v.nullable(text),
});

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: instant,
  sets: v.array(CachedSetSchema),
  history: v.array(HistorySchema),
  syncLog: v.array(SyncLogSchema),
  settings: v.nullable(v.object({ id: v.literal('settings'), ...SettingsSchema.entries })),
  notifications: v.array(NotificationSchema),
  meta: v.optional(v.nullable(MetaSchema)),
});

function allTables(db: LicenseDatabase) {
  return [db.sets, db.history, db.syncLog, db.settings, db.notifications, db.meta];
}

async function clearTables(db: LicenseDatabase): Promise<void> {
  await Promise.all(allTables(db).map((table) => table.clear()));
}

/** The last applied sync of a sync log, for a backup that carries no `meta`. */
function metaFromLog(syncLog: readonly SyncLogEntry[]): SyncMeta {
  let last: SyncLogEntry | undefined;
  for (const entry of syncLog) if (entry.applied && (!last || entry.at > last.at)) last = entry;
  return { id: 'sync', lastSyncAt: last?.at ?? null, lastSyncUrl: last?.url ?? null };
}

/** Reads every table in one read transaction, so the file is a consistent snapshot. */
export async function makeBackup(db: LicenseDatabase, now: Date = new Date()): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    sets: await db.sets.toArray(),
    history: await db.history.toArray(),
    syncLog: await db.syncLog.toArray(),
    settings: (await db.settings.get('settings')) ?? null,
    notifications: await db.notifications.toArray(),
    meta: (await db.meta.get('sync')) ?? null,
  }));
}

/** The backup file's text: readable JSON. */
export function backupJson(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/** `letrs-license-tracker-backup-YYYY-MM-DD.json` */
export function backupFileName(today: string): string {
  return `letrs-license-tracker-backup-${today}.json`;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The refusal for a file too large to be a backup (checked on the file's size before reading it), or null. */
export function backupSizeProblem(bytes: number, maxBytes = MAX_BACKUP_BYTES): string | null {
  return bytes > maxBytes
    ? `The file is too large to be a backup (over ${Math.round(maxBytes / 1024 / 1024)} MB). ${NOTHING_CHANGED}`
    : null;
}

/** Checks a backup file's text. Every refusal says what is wrong and that nothing changed. */
export function parseBackup(json: string, maxBytes = MAX_BACKUP_BYTES): Parsed<Backup> {
  const tooLarge = backupSizeProblem(json.length, maxBytes);
  if (tooLarge) return { ok: false, error: tooLarge };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      ok: false,
      error: `The file is not a readable backup: it is not valid JSON (damaged or cut short?). ${NOTHING_CHANGED}`,
    };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return {
      ok: false,
      error: `This file is not a LETRS License Tracker backup. Choose a file saved with "Download backup". ${NOTHING_CHANGED}`,
    };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer version of the extension (format ${version}). Update the extension, then restore it. ${NOTHING_CHANGED}`,
    };
  }
  if (version !== BACKUP_VERSION) {
    // Format 1 is the first this extension wrote: anything else below it is not one of our files.
    return {
      ok: false,
      error: `This backup's format (${JSON.stringify(version) ?? 'missing'}) is not one this extension ever wrote, so it cannot be restored. Choose a file saved with "Download backup". ${NOTHING_CHANGED}`,
    };
  }
  const result = v.safeParse(BackupSchema, data);
  if (!result.success) {
    return {
      ok: false,
      error: `The backup is damaged and cannot be restored (${describeIssue(result.issues[0])}). ${NOTHING_CHANGED}`,
    };
  }
  return { ok: true, value: result.output as Backup };
}

/** Replaces the whole cache with a checked backup in one transaction: all of it or none of it. */
export async function restoreBackup(db: LicenseDatabase, backup: Backup): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    await clearTables(db);
    await db.sets.bulkPut(backup.sets);
    await db.history.bulkPut(backup.history);
    await db.syncLog.bulkPut(backup.syncLog);
    if (backup.settings) await db.settings.put(backup.settings);
    await db.notifications.bulkPut(backup.notifications);
    await db.meta.put(backup.meta ?? metaFromLog(backup.syncLog));
  });
}

/** Deletes every cached set, the history, the sync log, the settings and the sent notifications. */
export async function clearAllData(db: LicenseDatabase): Promise<void> {
  await db.transaction('rw', allTables(db), () => clearTables(db));
}

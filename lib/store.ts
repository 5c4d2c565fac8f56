/**
 * The cache's write rules for a page read (one transaction) and for recording sent notifications.
 * A read that may be partial never removes or overwrites anything; sets a complete read no longer
 * shows are marked, kept and never deleted. Statuses as days pass: lib/recompute.ts.
 * Plain TypeScript + Dexie, no extension APIs.
 */

import { type CalendarDate, localToday } from './dates';
import { type CachedSet, type HistoryEntry, type LicenseDatabase, type SyncMeta, setKey } from './db';
import { changedFields, trackedValues } from './history';
import type { LicenseSet } from './license';
import { type DueNotification, notificationsDue } from './notify';
import type { Diagnostic, PageRead } from './page-read';
import { computed, markRecomputed } from './recompute';
import type { Settings } from './settings';
import { readSettings } from './settings-store';

export interface SyncOptions {
  /** The page the read came from (the sender's URL). */
  url: string;
  now: Date;
}

export interface SyncResult {
  /** The cache took the read. */
  applied: boolean;
  /** ISO instant of the last applied sync (this one when applied); null before the first. */
  lastSyncAt: string | null;
  settings: Settings;
}

/** Why a read may not change the cache, or null when it may. */
function refusal(read: PageRead): string | null {
  if (!read.isLicensesPage) return 'The page was not the Manage Licenses page, so the saved data was left as it was.';
  if (!read.complete) {
    return 'The read was incomplete (the page may still have been loading), so the saved data was left as it was.';
  }
  if (read.sets.length === 0) return 'The read found no license sets, so the saved data was left as it was.';
  return null;
}

/** The last applied sync, or an empty record before the first. */
export async function readSyncMeta(db: LicenseDatabase): Promise<SyncMeta> {
  return (await db.meta.get('sync')) ?? { id: 'sync', lastSyncAt: null, lastSyncUrl: null };
}

/** The sets of a read keyed as cached; a row whose key repeats an earlier row's is left out (and reported). */
function keyedSets(
  read: PageRead,
  diagnostics: Diagnostic[],
): { key: string; set: LicenseSet; organization: string }[] {
  const seen = new Set<string>();
  const out: { key: string; set: LicenseSet; organization: string }[] = [];
  const repeated: string[] = [];
  for (const set of read.sets) {
    const organization = set.organization || read.organization || '';
    const key = setKey({ ...set, organization });
    if (seen.has(key)) {
      repeated.push(set.name);
      continue;
    }
    seen.add(key);
    out.push({ key, set, organization });
  }
  if (repeated.length > 0) {
    diagnostics.push({
      level: 'warning',
      message: `${repeated.length} row(s) had the same track and name (and no id) as an earlier row and were saved once: ${repeated
        .slice(0, 5)
        .map((n) => `'${n}'`)
        .join(', ')}`,
    });
  }
  return out;
}

/** The two records are the same but for lastSeenAt (records are flat: a shallow compare is enough). */
function sameSave(before: CachedSet, next: CachedSet): boolean {
  const a = before as unknown as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((k) => k === 'lastSeenAt' || (a[k] ?? null) === (b[k] ?? null));
}

/** The history entry before `date` for a set, if any. */
function previousEntry(db: LicenseDatabase, key: string, date: CalendarDate): Promise<HistoryEntry | undefined> {
  return db.history.where('[key+date]').between([key, ''], [key, date], true, false).last();
}

/**
 * Takes one page read into the cache, in ONE transaction:
 * - every set read is upserted (firstSeen kept, lastSeen updated, missingSince cleared); a set
 *   seen again the same day with nothing different is not rewritten, so lastSeenAt is the first
 *   sync of its lastSeen day that showed it (the page may sync several times a visit);
 * - a history entry is written for the day when a tracked value changed or the set is new;
 *   a second change the same day updates that day's entry;
 * - on a complete read that names its organization, cached sets of that organization the read
 *   did not show get missingSince = today (an existing date is kept); they are never deleted;
 * - an incomplete read, one from another page, or one with no sets only adds to the sync log.
 * Every read, applied or not, is logged with the reader's diagnostics.
 */
export async function applySync(db: LicenseDatabase, read: PageRead, { url, now }: SyncOptions): Promise<SyncResult> {
  const today = localToday(now);
  const at = now.toISOString();
  return db.transaction('rw', [db.sets, db.history, db.syncLog, db.settings, db.meta], async () => {
    const settings = await readSettings(db);
    const diagnostics: Diagnostic[] = [...read.diagnostics];
    const log = (applied: boolean) =>
      db.syncLog.add({
        at,
        url,
        organization: read.organization,
        setCount: read.sets.length,
        complete: read.complete,
        applied,
        diagnostics,
      });

    const reason = refusal(read);
    if (reason) {
      diagnostics.push({ level: 'info', message: reason });
      await log(false);
      return { applied: false, lastSyncAt: (await readSyncMeta(db)).lastSyncAt, settings };
    }

    // Into an empty cache, this read's sets become the whole cache, all computed for today.
    const firstRead = (await db.sets.count()) === 0;
    const rows = keyedSets(read, diagnostics);
    const keys = rows.map((r) => r.key);
    // Two index reads instead of one get per set: a set's key includes its organization, so
    // every cached set a row can match is among the cached sets of the rows' organizations.
    const organizations = [...new Set(rows.map((r) => r.organization))];
    const [cachedOfOrganizations, todaysEntries] = await Promise.all([
      db.sets.where('organization').anyOf(organizations).toArray(),
      db.history.where('date').equals(today).toArray(),
    ]);
    const cachedByKey = new Map(cachedOfOrganizations.map((set) => [set.key, set]));
    const todayByKey = new Map(todaysEntries.map((entry) => [entry.key, entry]));
    const cached = keys.map((key) => cachedByKey.get(key));
    const todays = keys.map((key) => todayByKey.get(key));

    const upserts: CachedSet[] = [];
    const historyPuts: HistoryEntry[] = [];
    const historyDeletes: [string, string][] = [];
    for (let i = 0; i < rows.length; i++) {
      const { key, set, organization } = rows[i];
      const before = cached[i];
      const values = trackedValues(set);
      const next: CachedSet = {
        id: set.id ?? null,
        organization,
        track: set.track,
        name: set.name,
        licenses: set.licenses,
        assigned: set.assigned,
        completed: set.completed,
        startDate: set.startDate,
        endDate: set.endDate,
        pageStatus: set.pageStatus,
        pageWarning: set.pageWarning,
        stateAllocated: set.stateAllocated ?? false,
        key,
        firstSeen: before?.firstSeen ?? today,
        lastSeen: today,
        lastSeenAt: at,
        missingSince: null,
        ...computed(set, today, settings.warningWindow),
      };
      // Seen again the same day with nothing different: no write (lastSeenAt keeps that day's first sync).
      if (!before || !sameSave(before, next)) upserts.push(next);
      const changed = changedFields(before ? trackedValues(before) : null, values);
      if (changed.length === 0) continue;
      if (!before || !todays[i]) {
        historyPuts.push({ key, date: today, values, changed });
        continue;
      }
      // Changed again today: today's entry now holds the new values, compared with the day before.
      const base = await previousEntry(db, key, today);
      const sinceBase = changedFields(base?.values, values);
      if (sinceBase.length === 0) historyDeletes.push([key, today]);
      else historyPuts.push({ key, date: today, values, changed: sinceBase });
    }

    if (upserts.length > 0) await db.sets.bulkPut(upserts);
    if (historyPuts.length > 0) await db.history.bulkPut(historyPuts);
    if (historyDeletes.length > 0) await db.history.bulkDelete(historyDeletes);

    const organization = read.organization ?? '';
    if (organization !== '') {
      const shown = new Set(keys);
      const gone = cachedOfOrganizations.filter(
        (set) => set.organization === organization && !shown.has(set.key) && !set.missingSince,
      );
      if (gone.length > 0) await db.sets.bulkPut(gone.map((set) => ({ ...set, missingSince: today })));
    }

    if (firstRead) await markRecomputed(db, today, settings.warningWindow);
    await db.meta.put({ id: 'sync', lastSyncAt: at, lastSyncUrl: url });
    await log(true);
    return { applied: true, lastSyncAt: at, settings };
  });
}

/**
 * Plans the due notifications and records them as sent in ONE transaction on the notifications
 * table, before any is shown: two syncs at once, a second sync or a restart never repeat one.
 */
export async function claimDueNotifications(
  db: LicenseDatabase,
  sets: readonly CachedSet[],
  settings: Settings,
  now: Date,
): Promise<DueNotification[]> {
  if (!settings.notificationsEnabled) return [];
  const today = localToday(now);
  return db.transaction('rw', db.notifications, async () => {
    const plan = notificationsDue(sets, settings, today, await db.notifications.toArray());
    if (plan.record.length > 0) {
      await db.notifications.bulkPut(plan.record.map((r) => ({ ...r, at: now.toISOString() })));
    }
    return plan.send;
  });
}

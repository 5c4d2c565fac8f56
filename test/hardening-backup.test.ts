/**
 * Backup files that are not what they should be: cut short at any point, another app's JSON,
 * a format-0 file, and a format-1 file written before the optional fields (set ids, state
 * allocation, the last-sync record) existed. Each is refused with a clear message and the cache
 * stays exactly as it was, or it is read as the same data (migrated) and nothing is lost.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, type Backup, backupJson, makeBackup, parseBackup, restoreBackup } from '../lib/backup';
import { LicenseDatabase } from '../lib/db';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { at, PAGE_URL, sampleCache, TODAY } from './popup-fixture';

let db: LicenseDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new LicenseDatabase(`hardening-backup-${process.pid}-${counter}`);
  await restoreBackup(db, full());
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function full(): Backup {
  const sets = sampleCache();
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: at(TODAY).toISOString(),
    sets,
    history: sets.map((s) => ({
      key: s.key,
      date: TODAY,
      values: {
        licenses: s.licenses,
        assigned: s.assigned,
        completed: s.completed,
        startDate: s.startDate,
        endDate: s.endDate,
        pageStatus: s.pageStatus,
      },
      changed: ['licenses'],
    })),
    syncLog: [
      {
        id: 1,
        at: at(TODAY, 8, 0).toISOString(),
        url: PAGE_URL,
        organization: 'Springfield Public Schools',
        setCount: sets.length,
        complete: true,
        applied: true,
        diagnostics: [],
      },
    ],
    settings: { id: 'settings', ...DEFAULT_SETTINGS, warningWindow: 21 },
    notifications: [{ key: sets[0].key, leadDays: 7, at: at(TODAY).toISOString() }],
    meta: { id: 'sync', lastSyncAt: at(TODAY, 8, 0).toISOString(), lastSyncUrl: PAGE_URL },
  };
}

async function tables() {
  return {
    sets: await db.sets.toArray(),
    history: await db.history.toArray(),
    syncLog: await db.syncLog.toArray(),
    settings: await db.settings.toArray(),
    notifications: await db.notifications.toArray(),
    meta: await db.meta.toArray(),
  };
}

/** What the options page does with a chosen file: parse, and restore only what parsed. */
async function restoreFile(text: string): Promise<string | null> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed.error;
  await restoreBackup(db, parsed.value);
  return null;
}

describe('corrupt backups', () => {
  it('refuses the real backup cut short at every one of 200 points, the cache unchanged', async () => {
    const text = backupJson(await makeBackup(db, at(TODAY, 16, 0)));
    const before = await tables();
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      const cut = Math.floor((text.length * i) / 200);
      const error = await restoreFile(text.slice(0, cut));
      expect(error, `cut at ${cut}`).toMatch(
        /^The file is not a readable backup: it is not valid JSON .*Nothing was changed\.$/,
      );
      refused++;
    }
    expect(refused).toBe(200);
    expect(await tables()).toEqual(before);
  });

  it('refuses a backup with a flipped byte in a count or a date, saying where', async () => {
    const before = await tables();
    const text = backupJson(await makeBackup(db, at(TODAY, 16, 0)));
    const count = text.replace(/"licenses": ?60,/, '"licenses": "6O",');
    expect(count).not.toBe(text);
    expect(await restoreFile(count)).toMatch(
      /damaged and cannot be restored \(sets\.\d+\.licenses: .*Nothing was changed\.$/,
    );
    const date = text.replace(/"startDate": ?"(\d{4})-\d\d-/, '"startDate": "$1-13-');
    expect(await restoreFile(date)).toMatch(/damaged and cannot be restored \(sets\.\d+\.startDate/);
    expect(await tables()).toEqual(before);
  });
});

describe('foreign files', () => {
  it.each([
    ['a package.json', { name: 'my-app', version: '1.0.0', dependencies: {} }],
    ['a Chrome bookmarks file', { checksum: 'abc', roots: { bookmark_bar: { children: [] } }, version: 1 }],
    ['another tracker export', { format: 'license-tracker-backup', version: 1, sets: [] }],
    ['a bare array of sets', sampleCache()],
    ['a JSON string', 'letrs-license-tracker-backup'],
    ['a number', 1],
  ])('refuses %s as not a backup, the cache unchanged', async (_, data) => {
    const before = await tables();
    expect(await restoreFile(JSON.stringify(data))).toMatch(
      /^This file is not a LETRS License Tracker backup\. .*Nothing was changed\.$/,
    );
    expect(await tables()).toEqual(before);
  });

  it('refuses a file with the right format name but nothing else', async () => {
    const before = await tables();
    expect(await restoreFile(JSON.stringify({ format: BACKUP_FORMAT }))).toMatch(/format \(missing\) is not one/);
    expect(await restoreFile(JSON.stringify({ format: BACKUP_FORMAT, version: 1 }))).toMatch(/damaged/);
    expect(await tables()).toEqual(before);
  });
});

describe('older formats', () => {
  it.each([0, -1, 0.5, '1'])('refuses format %j clearly, the cache unchanged', async (version) => {
    const before = await tables();
    expect(await restoreFile(JSON.stringify({ ...full(), version }))).toMatch(
      /^This backup's format \(.+\) is not one this extension ever wrote, so it cannot be restored\. .*Nothing was changed\.$/,
    );
    expect(await tables()).toEqual(before);
  });

  it('restores a format-1 file written before set ids, state allocation and the last-sync record, losing nothing', async () => {
    const old = full();
    const sets = old.sets.map(({ id: _id, stateAllocated: _s, ...rest }) => rest);
    const { meta: _meta, ...withoutMeta } = old;
    await db.sets.clear();
    expect(await restoreFile(JSON.stringify({ ...withoutMeta, sets }))).toBeNull();
    const after = await tables();
    // Every set, history entry, log entry, setting and notice is there, with the values it had.
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(after.sets.sort(byKey)).toEqual(sets.sort(byKey));
    expect(after.history.sort(byKey)).toEqual(old.history.sort(byKey));
    expect(after.syncLog).toEqual(old.syncLog);
    expect(after.settings).toEqual([old.settings]);
    expect(after.notifications).toEqual(old.notifications);
    // The last-sync record is rebuilt from the log.
    expect(after.meta).toEqual([old.meta]);
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  type Backup,
  backupJson,
  backupSizeProblem,
  clearAllData,
  makeBackup,
  parseBackup,
  restoreBackup,
} from '../lib/backup';
import { LicenseDatabase } from '../lib/db';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { at, PAGE_URL, sampleCache, TODAY } from './popup-fixture';

let db: LicenseDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = new LicenseDatabase(`backup-${process.pid}-${counter}`);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const log = (applied: boolean, hours: number) => ({
  at: at(TODAY, hours, 0).toISOString(),
  url: `${PAGE_URL}?run=${hours}`,
  organization: 'Springfield Public Schools',
  setCount: 8,
  complete: applied,
  applied,
  diagnostics: [],
});

function backupOf(overrides: Partial<Backup> = {}): Backup {
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: at(TODAY).toISOString(),
    sets: sampleCache(),
    history: [],
    syncLog: [{ id: 1, ...log(true, 8) }],
    settings: { id: 'settings', ...DEFAULT_SETTINGS, deadlineHorizon: 45 },
    notifications: [{ key: sampleCache()[5].key, leadDays: 7, at: at(TODAY).toISOString() }],
    meta: { id: 'sync', lastSyncAt: at(TODAY, 8, 0).toISOString(), lastSyncUrl: PAGE_URL },
    ...overrides,
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

describe('parseBackup', () => {
  it('accepts what makeBackup wrote', async () => {
    await restoreBackup(db, backupOf());
    const text = backupJson(await makeBackup(db, at(TODAY, 16, 0)));
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(text));
  });

  it('refuses, saying why and that nothing changed', () => {
    const cases: [string, RegExp][] = [
      ['', /not valid JSON/],
      ['[1,2', /not valid JSON/],
      ['null', /not a LETRS License Tracker backup/],
      ['[]', /not a LETRS License Tracker backup/],
      [JSON.stringify({ format: 'other-backup', version: 1 }), /not a LETRS License Tracker backup/],
      [JSON.stringify({ ...backupOf(), version: 3 }), /newer version of the extension \(format 3\)/],
      [JSON.stringify({ ...backupOf(), version: 0 }), /format \(0\) is not one this extension ever wrote/],
      [JSON.stringify({ ...backupOf(), sets: 'none' }), /damaged.*sets/],
      [JSON.stringify({ ...backupOf(), exportedAt: 'yesterday' }), /damaged.*exportedAt: not a date and time/],
      [
        JSON.stringify({ ...backupOf(), settings: { ...backupOf().settings, warningWindow: 0 } }),
        /damaged.*settings\.warningWindow/,
      ],
      [JSON.stringify({ ...backupOf(), sets: [{ ...sampleCache()[0], licenses: -5 }] }), /damaged.*sets\.0\.licenses/],
      [JSON.stringify({ ...backupOf(), sets: [{ ...sampleCache()[0], key: '' }] }), /damaged.*sets\.0\.key/],
      [JSON.stringify({ ...backupOf(), history: [{ key: 'k', date: '2026-13-01' }] }), /damaged.*history\.0/],
    ];
    for (const [text, message] of cases) {
      const parsed = parseBackup(text);
      expect(parsed.ok, text.slice(0, 60)).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).toMatch(message);
        expect(parsed.error).toMatch(/Nothing was changed\.$/);
      }
    }
  });

  it('refuses a file larger than the limit before parsing it', () => {
    const text = JSON.stringify(backupOf());
    expect(parseBackup(text, text.length).ok).toBe(true);
    const parsed = parseBackup(text, text.length - 1);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^The file is too large to be a backup/);
    expect(backupSizeProblem(65 * 1024 * 1024)).toMatch(/over 64 MB/);
    expect(backupSizeProblem(1024)).toBeNull();
  });

  it('drops fields it does not know', () => {
    const parsed = parseBackup(
      JSON.stringify({ ...backupOf(), extra: 1, sets: [{ ...sampleCache()[0], evil: '<x>' }] }),
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value).not.toHaveProperty('extra');
      expect(parsed.value.sets[0]).not.toHaveProperty('evil');
    }
  });
});

describe('restoreBackup and clearAllData', () => {
  it('replaces every table', async () => {
    await db.sets.put({ ...sampleCache()[0], key: 'old-only' });
    await db.history.put({
      key: 'old-only',
      date: TODAY,
      values: { licenses: 1, assigned: 1, completed: null, startDate: null, endDate: null, pageStatus: null },
      changed: [],
    });
    await restoreBackup(db, backupOf());
    const after = await tables();
    expect(after.sets.map((s) => s.key).sort()).toEqual(
      sampleCache()
        .map((s) => s.key)
        .sort(),
    );
    expect(after.history).toEqual([]);
    expect(after.settings).toEqual([backupOf().settings]);
    expect(after.meta).toEqual([backupOf().meta]);
    expect(after.notifications).toHaveLength(1);
  });

  it('rebuilds the last-sync record from the log when a backup has none', async () => {
    const syncLog = [
      { id: 1, ...log(true, 8) },
      { id: 2, ...log(true, 11) },
      { id: 3, ...log(false, 12) },
    ];
    await restoreBackup(db, backupOf({ meta: undefined, syncLog }));
    expect(await db.meta.get('sync')).toEqual({
      id: 'sync',
      lastSyncAt: at(TODAY, 11, 0).toISOString(),
      lastSyncUrl: `${PAGE_URL}?run=11`,
    });
  });

  it('changes nothing when any step of the restore fails', async () => {
    await restoreBackup(db, backupOf());
    const before = await tables();
    const spy = vi.spyOn(db.notifications, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreBackup(db, backupOf({ sets: sampleCache().slice(0, 2), settings: null }))).rejects.toThrow(
      'disk full',
    );
    spy.mockRestore();
    expect(await tables()).toEqual(before);
  });

  it('clears every table', async () => {
    await restoreBackup(db, backupOf());
    await clearAllData(db);
    expect(await tables()).toEqual({ sets: [], history: [], syncLog: [], settings: [], notifications: [], meta: [] });
  });
});

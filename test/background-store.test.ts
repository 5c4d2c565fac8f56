import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../lib/dates';
import { LicenseDatabase, setKey } from '../lib/db';
import type { PageRead } from '../lib/page-read';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { readSettings, writeSettings } from '../lib/settings-store';
import { applySync, readSyncMeta } from '../lib/store';
import { at, dump, freshName, ORG, PAGE_URL, sampleRead } from './background-helpers';

const DAY1 = '2026-12-03';
const DAY2 = '2026-12-04';
const options = (day: string, url = PAGE_URL) => ({ url, now: at(day) });

let db: LicenseDatabase;
beforeEach(() => {
  db = new LicenseDatabase(freshName());
});
afterEach(async () => {
  await db.delete();
});

const cohortA = (read = sampleRead(DAY1)) => read.sets.find((s) => s.id === 'ls-1870')!;
const keyOf = (id: string, track = 'LETRS') => setKey({ organization: ORG, track, id, name: '' });

describe('applySync', () => {
  it('upserts every set of a complete read with its computed status, and logs the sync', async () => {
    const result = await applySync(db, sampleRead(DAY1), options(DAY1));
    expect(result).toEqual({ applied: true, lastSyncAt: at(DAY1).toISOString(), settings: DEFAULT_SETTINGS });
    const sets = await db.sets.toArray();
    expect(sets).toHaveLength(8);
    const a = await db.sets.get(keyOf('ls-1870'));
    expect(a).toMatchObject({
      name: 'LETRS Units 1-4 Cohort A',
      organization: ORG,
      licenses: 50,
      assigned: 38,
      firstSeen: DAY1,
      lastSeen: DAY1,
      lastSeenAt: at(DAY1).toISOString(),
      missingSince: null,
      status: 'active',
      daysUntilEnd: 12,
      expiringSoon: true,
      computedOn: DAY1,
    });
    expect((await db.sets.get(keyOf('ls-2041')))?.status).toBe('upcoming');
    expect((await db.sets.get(keyOf('ls-1544')))?.status).toBe('expired');
    const log = await db.syncLog.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ url: PAGE_URL, organization: ORG, setCount: 8, complete: true, applied: true });
    expect(log[0].diagnostics).toEqual([{ level: 'info', message: 'Read 8 license sets in 3 tracks.' }]);
    expect(await readSyncMeta(db)).toEqual({ id: 'sync', lastSyncAt: at(DAY1).toISOString(), lastSyncUrl: PAGE_URL });
  });

  it('keeps firstSeen, updates lastSeen and the values on a later sync, without duplicating sets', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const read = sampleRead(DAY1);
    cohortA(read).assigned = 45;
    await applySync(db, read, options(DAY2));
    expect(await db.sets.count()).toBe(8);
    expect(await db.sets.get(keyOf('ls-1870'))).toMatchObject({ firstSeen: DAY1, lastSeen: DAY2, assigned: 45 });
  });

  it('does not rewrite a set seen again the same day with nothing different', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const before = await db.sets.toArray();
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1, 15) });
    expect(await db.sets.toArray()).toEqual(before);
    expect(await readSyncMeta(db)).toMatchObject({ lastSyncAt: at(DAY1, 15).toISOString() });
    const read = sampleRead(DAY1);
    cohortA(read).assigned = 40;
    await applySync(db, read, { url: PAGE_URL, now: at(DAY1, 16) });
    expect(await db.sets.get(keyOf('ls-1870'))).toMatchObject({ assigned: 40, lastSeenAt: at(DAY1, 16).toISOString() });
    expect((await db.sets.get(keyOf('ls-1871')))?.lastSeenAt).toBe(at(DAY1).toISOString());
  });

  it('keys a set without an id by its organization, track and name', async () => {
    const read = sampleRead(DAY1);
    read.sets = read.sets.map((s) => ({ ...s, id: null }));
    await applySync(db, read, options(DAY1));
    const key = setKey({ organization: ORG, track: 'LETRS', name: 'LETRS Units 1-4 Cohort A' });
    expect(await db.sets.get(key)).toMatchObject({ name: 'LETRS Units 1-4 Cohort A', id: null });
    expect(await db.sets.count()).toBe(8);
  });

  it('saves a row repeated in one read once, and says so in the sync log', async () => {
    const read = sampleRead(DAY1);
    read.sets = [...read.sets.map((s) => ({ ...s, id: null })), { ...cohortA(read), id: null, assigned: 1 }];
    await applySync(db, read, options(DAY1));
    expect(await db.sets.count()).toBe(8);
    const key = setKey({ organization: ORG, track: 'LETRS', name: 'LETRS Units 1-4 Cohort A' });
    expect((await db.sets.get(key))?.assigned).toBe(38);
    const [entry] = await db.syncLog.toArray();
    expect(entry.diagnostics.at(-1)?.message).toContain("'LETRS Units 1-4 Cohort A'");
  });

  it('marks cached sets a complete read of the same organization no longer shows, and keeps them', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const read = sampleRead(DAY2);
    read.sets = read.sets.filter((s) => s.id !== 'ls-1777');
    await applySync(db, read, options(DAY2));
    expect(await db.sets.count()).toBe(8);
    const gone = await db.sets.get(keyOf('ls-1777', 'LETRS for Early Childhood Educators'));
    expect(gone).toMatchObject({ name: 'ECE Cohort B', missingSince: DAY2, lastSeen: DAY1, licenses: 25 });
    expect((await db.sets.where('missingSince').equals(DAY2).toArray()).map((s) => s.name)).toEqual(['ECE Cohort B']);

    // Still missing a day later: the first date is kept. Seen again: the mark is cleared.
    await applySync(db, read, options('2026-12-05'));
    expect((await db.sets.where('missingSince').above('').toArray()).map((s) => s.missingSince)).toEqual([DAY2]);
    await applySync(db, sampleRead('2026-12-06'), options('2026-12-06'));
    expect(await db.sets.where('missingSince').above('').count()).toBe(0);
  });

  it('never marks sets of another organization', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const other = sampleRead(DAY2, { organization: 'Shelbyville District' });
    other.sets = other.sets.slice(0, 2).map((s) => ({ ...s, id: `other-${s.id}` }));
    await applySync(db, other, options(DAY2));
    expect(await db.sets.count()).toBe(10);
    expect(await db.sets.where('missingSince').above('').count()).toBe(0);
  });

  it('marks nothing when the read names no organization (it may be another one)', async () => {
    await applySync(db, sampleRead(DAY1, { organization: null }), options(DAY1));
    const read = sampleRead(DAY2, { organization: null });
    read.sets = read.sets.slice(0, 3);
    await applySync(db, read, options(DAY2));
    expect(await db.sets.where('missingSince').above('').count()).toBe(0);
    expect(await db.sets.count()).toBe(8);
  });

  it.each<[string, Partial<PageRead>, string]>([
    ['an incomplete read', { complete: false }, 'incomplete'],
    ['a read with no sets', { sets: [] }, 'no license sets'],
    ['a read of another page', { isLicensesPage: false }, 'not the Manage Licenses page'],
  ])('changes nothing but the sync log for %s', async (_, change, why) => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const before = await dump(db);
    const bad = sampleRead(DAY2, change);
    // What the bad read shows differs from the cache: one set, with other counts.
    bad.sets = (change.sets ?? bad.sets.slice(0, 1)).map((s) => ({ ...s, assigned: 0 }));
    const result = await applySync(db, bad, options(DAY2, 'https://letrs.com/manage/licenses?tab=2'));
    expect(result).toEqual({ applied: false, lastSyncAt: at(DAY1).toISOString(), settings: DEFAULT_SETTINGS });
    expect(await dump(db)).toEqual(before);
    const log = await db.syncLog.toArray();
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ applied: false, url: 'https://letrs.com/manage/licenses?tab=2' });
    expect(log[1].diagnostics.map((d) => d.message).join(' ')).toContain(why);
  });
});

describe('history', () => {
  it('writes one entry per set on first sight, with every field marked changed', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const entries = await db.history.toArray();
    expect(entries).toHaveLength(8);
    expect(await db.history.get([keyOf('ls-1870'), DAY1])).toEqual({
      key: keyOf('ls-1870'),
      date: DAY1,
      values: {
        licenses: 50,
        assigned: 38,
        completed: null,
        startDate: addDays(DAY1, -353),
        endDate: addDays(DAY1, 12),
        pageStatus: 'active',
      },
      changed: ['licenses', 'assigned', 'completed', 'startDate', 'endDate', 'pageStatus'],
    });
  });

  it('adds an entry on a second day with changed counts and keeps the first day’s values', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const read = sampleRead(DAY1);
    cohortA(read).assigned = 44;
    await applySync(db, read, options(DAY2));
    const entries = await db.history.where('key').equals(keyOf('ls-1870')).sortBy('date');
    expect(entries.map((e) => [e.date, e.values.assigned, e.changed])).toEqual([
      [DAY1, 38, ['licenses', 'assigned', 'completed', 'startDate', 'endDate', 'pageStatus']],
      [DAY2, 44, ['assigned']],
    ]);
    // Nothing else changed: no entry for the other sets on day 2.
    expect(await db.history.where('date').equals(DAY2).count()).toBe(1);
  });

  it('adds no entry when nothing tracked changed', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    await applySync(db, sampleRead(DAY1), options(DAY2));
    expect(await db.history.count()).toBe(8);
  });

  it('updates the day’s entry on a second change the same day, and drops it when the change is undone', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const read = sampleRead(DAY1);
    cohortA(read).assigned = 44;
    await applySync(db, read, options(DAY2));
    cohortA(read).assigned = 46;
    cohortA(read).licenses = 60;
    await applySync(db, read, { url: PAGE_URL, now: at(DAY2, 15) });
    expect(await db.history.get([keyOf('ls-1870'), DAY2])).toMatchObject({
      values: { assigned: 46, licenses: 60 },
      changed: ['licenses', 'assigned'],
    });
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY2, 16) });
    expect(await db.history.get([keyOf('ls-1870'), DAY2])).toBeUndefined();
    expect(await db.history.count()).toBe(8);
  });

  it('records date and page-group changes', async () => {
    await applySync(db, sampleRead(DAY1), options(DAY1));
    const read = sampleRead(DAY1);
    cohortA(read).endDate = addDays(DAY1, 400);
    cohortA(read).pageStatus = 'active';
    await applySync(db, read, options(DAY2));
    expect((await db.history.get([keyOf('ls-1870'), DAY2]))?.changed).toEqual(['endDate']);
  });
});

describe('settings', () => {
  it('reads the defaults, notifications off, before anything is saved', async () => {
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.notificationsEnabled).toBe(false);
  });

  it('saves a change and normalises what is stored', async () => {
    await writeSettings(db, { warningWindow: 45, notificationLeadTimes: [7, 30, 7, 0, 1.5, 60] });
    expect(await readSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      warningWindow: 45,
      notificationLeadTimes: [60, 30, 7],
    });
    await db.settings.put({ ...DEFAULT_SETTINGS, id: 'settings', deadlineHorizon: -4 } as never);
    expect((await readSettings(db)).deadlineHorizon).toBe(DEFAULT_SETTINGS.deadlineHorizon);
  });

  it('gives the sync the stored settings', async () => {
    await writeSettings(db, { warningWindow: 20 });
    const result = await applySync(db, sampleRead(DAY1), options(DAY1));
    expect(result.settings.warningWindow).toBe(20);
    expect((await db.sets.get(keyOf('ls-1871')))?.expiringSoon).toBe(false);
  });
});

/**
 * A database of the first schema (test/fixtures/db/v1.json, loaded into a v1-declared Dexie)
 * opened with the current schema: every record is kept as it was, the upgrade fills what the
 * new version adds, and the cache works on afterwards.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LicenseDatabase, SCHEMA_V1, SCHEMA_VERSION, type SyncLogEntry } from '../lib/db';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { readSettings } from '../lib/settings-store';
import { applySync } from '../lib/store';
import { dumpTables, loadV1, readV1Fixture, v1Database } from '../scripts/db-fixture';
import { at, freshName, sampleRead } from './background-helpers';

const fixture = readV1Fixture();
let name: string;
let db: LicenseDatabase;

beforeEach(async () => {
  name = freshName();
  await loadV1(name);
});
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

it('has a fixture of the first schema with data in every table', async () => {
  expect(fixture.schemaVersion).toBe(1);
  const v1 = v1Database(name);
  await v1.open();
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V1).sort());
  for (const rows of Object.values(fixture.tables)) expect(rows.length).toBeGreaterThan(0);
  v1.close();
});

it('keeps every v1 record intact when the current schema opens the database', async () => {
  db = new LicenseDatabase(name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  expect(SCHEMA_VERSION).toBe(2);
  expect(await dumpTables(db)).toEqual(fixture.tables);
});

it('fills the last applied sync from the v1 sync log', async () => {
  db = new LicenseDatabase(name);
  const log = fixture.tables.syncLog as unknown as SyncLogEntry[];
  const lastApplied = log.filter((e) => e.applied).at(-1)!;
  expect(log.at(-1)?.applied).toBe(false);
  expect(await db.meta.get('sync')).toEqual({ id: 'sync', lastSyncAt: lastApplied.at, lastSyncUrl: lastApplied.url });
});

it('indexes the sets a complete read no longer showed', async () => {
  db = new LicenseDatabase(name);
  const missing = await db.sets.where('missingSince').above('').toArray();
  expect(missing.map((s) => [s.name, s.missingSince])).toEqual([['LETRS Units 1-4 Cohort 2024', '2026-11-24']]);
});

it('keeps v1 settings and takes new syncs on top of v1 data', async () => {
  db = new LicenseDatabase(name);
  expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, warningWindow: 45, notificationsEnabled: true });
  await applySync(db, sampleRead('2026-11-20'), {
    url: 'https://district.letrs.com/manage/licenses',
    now: at('2026-12-01'),
  });
  const sets = await db.sets.toArray();
  expect(sets).toHaveLength(8);
  expect(new Set(sets.map((s) => s.firstSeen))).toEqual(new Set(['2026-11-20']));
  expect(await db.history.count()).toBe(fixture.tables.history.length + 1);
  expect(await db.sets.where('missingSince').above('').count()).toBe(0);
});

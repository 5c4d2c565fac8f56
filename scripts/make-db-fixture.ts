/**
 * Writes test/fixtures/db/v1.json: a database as the first schema (v1) held it after three
 * syncs of the sample page on fixed days (one refused as incomplete), with history, a set no
 * longer shown, settings and sent notifications. Run once when v1 was frozen:
 * `npx tsx scripts/make-db-fixture.ts`. Never regenerate it with a later schema.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';

import { setKey } from '../lib/db';
import { factsFor, type LicenseSet } from '../lib/license';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { dumpTables, V1_FIXTURE_FILE, type V1Dump, v1Database } from './db-fixture';
import { sampleExpected } from './sample-page';

const DAY1 = '2026-11-20';
const DAY2 = '2026-11-24';
const ORG = 'Springfield Public Schools';
const URL = 'https://district.letrs.com/manage/licenses';
/** An ISO instant on a day (UTC), as the sync log stores them. */
const iso = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const sets = sampleExpected(DAY1).sets as unknown as LicenseSet[];
const cohortA = sets.find((s) => s.id === 'ls-1870')!;
const ece = sets.find((s) => s.id === 'ls-1777')!;
const db = v1Database('v1-fixture');
await db.open();

const cached = sets.map((set) => {
  const seenOnDay2 = set.id !== 'ls-1544';
  const lastSeen = seenOnDay2 ? DAY2 : DAY1;
  const assigned = set.id === 'ls-1870' && seenOnDay2 ? 41 : set.assigned;
  const facts = factsFor({ ...set, assigned }, DAY2);
  return {
    ...set,
    assigned,
    organization: ORG,
    key: setKey({ ...set, organization: ORG }),
    firstSeen: DAY1,
    lastSeen,
    lastSeenAt: iso(lastSeen, 15),
    missingSince: seenOnDay2 ? null : DAY2,
    status: facts.status,
    daysUntilEnd: facts.daysUntilEnd,
    expiringSoon: facts.expiringSoon,
    computedOn: DAY2,
  };
});
const tracked = (s: LicenseSet) => ({
  licenses: s.licenses,
  assigned: s.assigned,
  completed: s.completed,
  startDate: s.startDate,
  endDate: s.endDate,
  pageStatus: s.pageStatus,
});
const ALL = ['licenses', 'assigned', 'completed', 'startDate', 'endDate', 'pageStatus'];

await db.table('sets').bulkAdd(cached);
await db.table('history').bulkAdd([
  ...sets.map((s) => ({ key: setKey({ ...s, organization: ORG }), date: DAY1, values: tracked(s), changed: ALL })),
  {
    key: setKey({ ...cohortA, organization: ORG }),
    date: DAY2,
    values: { ...tracked(cohortA), assigned: 41 },
    changed: ['assigned'],
  },
]);
const log = (day: string, hour: number, complete: boolean, applied: boolean, count: number, note: string) => ({
  at: iso(day, hour),
  url: URL,
  organization: ORG,
  setCount: count,
  complete,
  applied,
  diagnostics: [{ level: 'info', message: note }],
});
await db
  .table('syncLog')
  .bulkAdd([
    log(DAY1, 15, true, true, 8, 'Read 8 license sets in 3 tracks.'),
    log(DAY2, 15, true, true, 7, 'Read 7 license sets in 3 tracks.'),
    log(DAY2, 16, false, false, 2, 'The page was still loading.'),
  ]);
await db.table('settings').put({ ...DEFAULT_SETTINGS, id: 'settings', warningWindow: 45, notificationsEnabled: true });
await db.table('notifications').bulkAdd(
  cached
    .filter((s) => s.expiringSoon)
    .map((s) => ({ key: s.key, leadDays: 30, at: iso(DAY1, 15) }))
    .concat([{ key: setKey({ ...ece, organization: ORG }), leadDays: 7, at: iso(DAY2, 15) }]),
);

const dump: V1Dump = { schemaVersion: 1, tables: await dumpTables(db) };
writeFileSync(V1_FIXTURE_FILE, `${JSON.stringify(dump, null, 1)}\n`);
await db.delete();
console.log(
  `Wrote ${V1_FIXTURE_FILE}: ${Object.entries(dump.tables)
    .map(([t, rows]) => `${rows.length} ${t}`)
    .join(', ')}`,
);

/**
 * The background worker's cache, in Debian's Chromium (the real service worker and IndexedDB):
 *
 * - `sync-5000-sets-chromium`: ms from the worker's router receiving a `letrs:sync` message with
 *   5,000 sets to its reply, which comes after the sync transaction has committed (and after the
 *   recompute and badge that follow). Each run starts from an empty cache, so every set and its
 *   first history entry are written: the worst case. The extension-messaging hop from the content
 *   script is not included (the sender check admits only a content script on letrs.com, so the
 *   bench calls the router inside the worker, with the same sender a letrs.com tab has).
 * - `recompute-10000-sets`: ms for the daily update of 10,000 cached sets on a new day: recompute
 *   statuses (lib/recompute.ts: only the sets whose start, end or warning boundary fell since the
 *   last recompute are read and rewritten) and draw the badge (the sets ending within the window,
 *   read by index). The one full pass (first run, after a restore, a changed window) is timed in
 *   the note.
 *
 * Chromium's IndexedDB costs a fixed amount per record written, so the note of the sync figure
 * also gives the floor on this machine: raw IndexedDB (no Dexie, no extension code) putting the
 * same number of records (5,000 sets + 5,000 first history entries) in one transaction.
 *
 * How: `wxt build --mode bench` builds the extension into .output/chrome-mv3-bench with timing
 * hooks on the worker's global (entrypoints/background/bench-hooks.ts; the production build has
 * none). Figures are medians of RUNS runs; the notes give the unchanged-case medians.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import type { BenchHooks } from '../entrypoints/background/bench-hooks';
import { addDays, calendarDateToLocal, localToday } from '../lib/dates';
import { type CachedSet, setKey } from '../lib/db';
import { factsFor, type LicenseSet } from '../lib/license';
import type { PageRead } from '../lib/page-read';
import { CHROMIUM, INSTALL_HINT, launchExtension, startLetrsServer } from '../scripts/browser';
import { atMost, type BenchResult, median } from './result';

const RUNS = 5;
const ORG = 'Springfield Public Schools';
const URL = 'https://district.letrs.com/manage/licenses';
const BENCH_BUILD = resolve(import.meta.dirname, '../.output/chrome-mv3-bench');

/** `count` sets in 10 tracks: upcoming, active (a share ending soon) and expired. */
function generatedSets(count: number, today: string): LicenseSet[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 4;
    const start = kind === 0 ? addDays(today, 5 + (i % 200)) : addDays(today, -300 - (i % 200));
    const end = kind === 3 ? addDays(today, -1 - (i % 300)) : addDays(start, 365);
    return {
      id: `ls-${i}`,
      track: `LETRS Track ${i % 10}`,
      name: `LETRS Units 1-4 Cohort ${i}`,
      licenses: 50 + (i % 40),
      assigned: kind === 3 ? null : 20 + (i % 60),
      completed: kind === 3 ? 10 + (i % 20) : null,
      startDate: start,
      endDate: end,
      pageStatus: kind === 0 ? 'upcoming' : kind === 3 ? 'expired' : 'active',
      pageWarning: false,
      stateAllocated: false,
    };
  });
}

function cachedSets(count: number, today: string): CachedSet[] {
  return generatedSets(count, today).map((set) => {
    const facts = factsFor(set, today);
    return {
      ...set,
      organization: ORG,
      key: setKey({ ...set, organization: ORG }),
      firstSeen: today,
      lastSeen: today,
      lastSeenAt: calendarDateToLocal(today).toISOString(),
      missingSince: null,
      status: facts.status,
      daysUntilEnd: facts.daysUntilEnd,
      expiringSoon: facts.expiringSoon,
      computedOn: today,
    };
  });
}

type Hooked = typeof globalThis & { letrsBench: BenchHooks };

/**
 * ms for raw IndexedDB to put `records` copies of a record in one transaction, in the worker.
 * Passed as a string: the function must not pick up helpers of the bench's own transpiler.
 */
const RAW_PUTS = `async ({ record, records }) => {
  const name = 'bench-raw-baseline';
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s', { keyPath: 'key' });
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const start = performance.now();
  await new Promise((ok, fail) => {
    const tx = db.transaction('s', 'readwrite');
    const store = tx.objectStore('s');
    for (let i = 0; i < records; i++) store.put({ ...record, key: 'k' + i });
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
  const ms = performance.now() - start;
  db.close();
  await new Promise((ok) => { const del = indexedDB.deleteDatabase(name); del.onsuccess = ok; del.onerror = ok; });
  return ms;
}`;

async function rawPuts(worker: Worker, record: CachedSet, records: number): Promise<number> {
  const fn = await worker.evaluateHandle(`(${RAW_PUTS})`);
  try {
    return await fn.evaluate((f, arg) => (f as (a: unknown) => Promise<number>)(arg), { record, records });
  } finally {
    await fn.dispose();
  }
}

async function timeSync(worker: Worker, read: PageRead): Promise<number> {
  return worker.evaluate(
    async ({ read, url }) => {
      const { ms, reply } = await (globalThis as Hooked).letrsBench.sync(read, url);
      if (!(reply as { ok?: boolean }).ok || !(reply as { applied?: boolean }).applied) {
        throw new Error(`sync refused: ${JSON.stringify(reply)}`);
      }
      return ms;
    },
    { read, url: URL },
  );
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], { stdio: 'ignore' });
  const today = localToday();
  const server = await startLetrsServer({});
  const browser = await launchExtension({ port: server.port, extensionDir: BENCH_BUILD });
  try {
    const worker = await browser.worker();
    const clear = () => worker.evaluate(() => (globalThis as Hooked).letrsBench.clear());

    const read: PageRead = {
      isLicensesPage: true,
      complete: true,
      organization: ORG,
      tracks: Array.from({ length: 10 }, (_, i) => `LETRS Track ${i}`),
      sets: generatedSets(5000, today),
      diagnostics: [{ level: 'info', message: 'Read 5000 license sets in 10 tracks.' }],
    };
    const firstSyncs: number[] = [];
    const repeatSyncs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await clear();
      firstSyncs.push(await timeSync(worker, read));
      repeatSyncs.push(await timeSync(worker, read));
    }
    const stored = await worker.evaluate(() => (globalThis as Hooked).letrsBench.count());
    if (stored !== 5000) throw new Error(`expected 5000 cached sets, found ${stored}`);
    const floor: number[] = [];
    for (let i = 0; i < 3; i++) floor.push(await rawPuts(worker, cachedSets(1, today)[0], 10_000));

    await clear();
    await worker.evaluate((sets) => (globalThis as Hooked).letrsBench.seed(sets), cachedSets(10_000, today));
    // The first update has no record of a recompute: the full pass over all 10,000.
    const full = await worker.evaluate((t) => (globalThis as Hooked).letrsBench.update(t), Date.now());
    const newDay: number[] = [];
    const sameDay: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const now = calendarDateToLocal(addDays(today, i)).getTime() + 5 * 60_000;
      newDay.push(await worker.evaluate((t) => (globalThis as Hooked).letrsBench.update(t), now));
      sameDay.push(await worker.evaluate((t) => (globalThis as Hooked).letrsBench.update(t), now + 60_000));
    }
    await clear();

    const f = (n: number) => n.toFixed(1);
    const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
    return [
      atMost(
        'sync-5000-sets-chromium',
        median(firstSyncs),
        'ms',
        500,
        `median of ${RUNS}, empty cache, in the service worker: router receipt → reply after commit; same read again: ${f(median(repeatSyncs))} ms; raw IndexedDB floor, 10,000 puts: ${f(median(floor))} ms; ${load}`,
      ),
      atMost(
        'recompute-10000-sets',
        median(newDay),
        'ms',
        50,
        `Chromium service worker, median of ${RUNS} new days, incl. badge; same day again: ${f(median(sameDay))} ms; full pass over all 10,000: ${f(full)} ms; ${load}`,
      ),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The worker stopped in the middle of a sync (CDP ServiceWorker.stopAllWorkers), in Chromium with
 * the production build: a generated page of 5,000 sets, each trial under a new organization so
 * all its sets are new. Stopped at several points of the sync, the cache holds all of that sync
 * (5,000 sets, 5,000 history entries, an applied log entry) or none of it — never a part —
 * read both while the worker is stopped and after it is woken.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedLicensesPage } from '../../bench/licenses-page';
import { localToday } from '../../lib/dates';
import { DB_NAME } from '../../lib/db';
import { type ExtensionBrowser, type LetrsServer, launchExtension, startLetrsServer } from '../../scripts/browser';

const today = localToday();
const SETS = 5000;
const PATH = '/manage/licenses';
const PAGE = `https://letrs.com${PATH}`;
/** The page of `org` (the reader takes the organization from the breadcrumb, without "District Overview"). */
const pageFor = (org: string) =>
  generatedLicensesPage(SETS, 5, today).replaceAll('Generated Unified School District', org);

/** Sets, history entries and applied log entries of one organization, with raw IndexedDB. */
const COUNT = `async ([name, org]) => {
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return { sets: 0, history: 0, applied: 0, logged: 0 };
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction(['sets', 'history', 'syncLog']);
  const all = (store) => new Promise((ok, fail) => {
    const r = tx.objectStore(store).getAll();
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const [sets, history, log] = await Promise.all([all('sets'), all('history'), all('syncLog')]);
  db.close();
  const ours = (o) => typeof o === 'string' && o.startsWith(org);
  return {
    sets: sets.filter((s) => ours(s.organization)).length,
    history: history.filter((h) => ours(JSON.parse(h.key)[0])).length,
    applied: log.filter((e) => ours(e.organization) && e.applied && e.setCount === ${SETS}).length,
    logged: log.filter((e) => ours(e.organization)).length,
    orgs: [...new Set(log.map((e) => e.organization + ':' + e.setCount + ':' + e.applied))],
  };
}`;

interface Counts {
  sets: number;
  history: number;
  applied: number;
  logged: number;
}

let server: LetrsServer;
let browser: ExtensionBrowser;
let popup: Page;

async function counts(org: string): Promise<Counts> {
  const fn = await popup.evaluateHandle(`(${COUNT})`);
  try {
    return (await fn.evaluate((f, a) => (f as (x: unknown) => unknown)(a), [DB_NAME, org])) as Counts;
  } finally {
    await fn.dispose();
  }
}

async function wakeWorker(): Promise<void> {
  const reply = await popup.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'letrs:refresh' }),
  );
  expect(reply).toEqual({ ok: true });
}

const ALL = { sets: SETS, history: SETS, applied: 1 };

beforeAll(async () => {
  server = await startLetrsServer({ [PATH]: pageFor('Warmup District') });
  browser = await launchExtension({ port: server.port });
  await browser.worker();
  popup = await browser.openExtensionPage('popup.html');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('worker stopped during a 5,000-set sync', () => {
  it('leaves all of the sync or none of it, at every stopping point', async () => {
    // A sync left alone, to time it: from navigation to the log entry.
    const start = Date.now();
    const warm = await browser.context.newPage();
    await warm.goto(PAGE);
    await expect
      .poll(async () => (await counts('Warmup')).applied, { timeout: 60_000, interval: 100 })
      .toBe(1)
      .catch(async (e) => {
        console.log(JSON.stringify(await counts('Warmup')));
        throw e;
      });
    const took = Date.now() - start;
    expect(await counts('Warmup')).toMatchObject(ALL);
    await warm.close();
    console.log(`a 5,000-set visit takes ${took} ms from navigation to the saved sync`);

    const outcomes: string[] = [];
    for (const fraction of [0.3, 0.5, 0.7, 0.85, 0.95, 1, 1.1]) {
      const org = `Trial ${Math.round(fraction * 100)}`;
      server.setPage(PATH, pageFor(`${org} District`));
      const tab = await browser.context.newPage();
      const t0 = Date.now();
      await tab.goto(PAGE, { waitUntil: 'commit' });
      await tab.waitForTimeout(Math.max(0, fraction * took - (Date.now() - t0)));
      await browser.stopWorkers();
      await tab.close();
      const stopped = await counts(org);
      // All of it or none of it, while the worker is stopped.
      if (stopped.sets === 0) expect([stopped.history, stopped.applied]).toEqual([0, 0]);
      else expect(stopped).toMatchObject(ALL);
      await wakeWorker();
      const woken = await counts(org);
      expect([0, SETS]).toContain(woken.sets);
      expect(woken.history).toBe(woken.sets);
      expect(woken.applied).toBe(woken.sets === SETS ? 1 : 0);
      outcomes.push(`${fraction}: ${stopped.sets === SETS ? 'all' : 'none'} (log entries ${stopped.logged})`);
    }
    console.log(`stopping points: ${outcomes.join('; ')}`);
  }, 300_000);
});

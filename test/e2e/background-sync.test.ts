/**
 * The background worker end to end, in Chromium with the production build: the content script
 * reads the built-in sample page at https://letrs.com/manage/licenses and the worker caches it,
 * draws the badge, keeps history, survives being stopped and takes two tabs at once. The cache is
 * read with the raw IndexedDB API from an extension page (popup.html, opened only after the first
 * badge check), which needs no worker: what a stopped worker left behind is read as it is.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../lib/dates';
import { type ExtensionBrowser, type LetrsServer, launchExtension, startLetrsServer } from '../../scripts/browser';
import { readCache } from '../../scripts/extension-db';
import { SAMPLE_PAGE_PATH, samplePage } from '../../scripts/sample-page';

const today = localToday();
const PAGE = `https://letrs.com${SAMPLE_PAGE_PATH}`;
const DAY_MS = 24 * 60 * 60 * 1000;
const COHORT_A = '["Springfield Public Schools","LETRS","id:ls-1870"]';

interface Tables {
  sets: {
    key: string;
    name: string;
    assigned: number | null;
    firstSeen: string;
    lastSeen: string;
    missingSince: string | null;
  }[];
  history: { key: string; date: string; values: { assigned: number | null }; changed: string[] }[];
  syncLog: { at: string; url: string; applied: boolean; setCount: number; complete: boolean }[];
  meta: { id: string; lastSyncAt?: string | null }[];
}

/** Moves the worker's clock `offset` ms on (until the worker stops): "a later day" for the sync. */
const SHIFT_CLOCK = `(offset) => {
  const Real = Date;
  globalThis.Date = class extends Real {
    constructor(...args) { if (args.length === 0) super(Real.now() + offset); else super(...args); }
    static now() { return Real.now() + offset; }
  };
}`;

let server: LetrsServer;
let browser: ExtensionBrowser;
/** The worker's handle: Playwright keeps it across a stop, and it answers again once woken. */
let worker: Worker;
let extensionPage: Page | null = null;

/** Runs a function given as source text (no helpers of this file's transpiler) with `arg`. */
async function run<T>(target: Page | Worker, source: string, arg?: unknown): Promise<T> {
  // Page and Worker share evaluateHandle; the union is not callable in TypeScript.
  const fn = await (target as Page).evaluateHandle(`(${source})`);
  try {
    return (await fn.evaluate((f, a) => (f as (x: unknown) => unknown)(a), arg)) as T;
  } finally {
    await fn.dispose();
  }
}

async function page(): Promise<Page> {
  extensionPage ??= await browser.openExtensionPage('popup.html');
  return extensionPage;
}

const tables = async () => readCache<Tables>(await page());

/** Wakes a stopped worker the way the popup does: with a message (letrs:refresh). */
async function wakeWorker(): Promise<void> {
  const reply = await (await page()).evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'letrs:refresh' }),
  );
  expect(reply).toEqual({ ok: true });
}

const badge = async () => {
  const w = worker;
  type Action = {
    getBadgeText(d: object): Promise<string>;
    getTitle(d: object): Promise<string>;
    getBadgeBackgroundColor(d: object): Promise<number[]>;
  };
  return w.evaluate(async () => {
    const action = (globalThis as unknown as { chrome: { action: Action } }).chrome.action;
    return {
      text: await action.getBadgeText({}),
      title: await action.getTitle({}),
      color: await action.getBadgeBackgroundColor({}),
    };
  });
};

/** Opens `url` in a new tab and waits until the sync log has `count` entries. */
async function visitAndWaitForSync(url: string, count: number) {
  const tab = await browser.context.newPage();
  await tab.goto(url);
  await expect.poll(async () => (await tables())?.syncLog?.length ?? 0, { timeout: 20_000 }).toBe(count);
  return tab;
}

beforeAll(async () => {
  server = await startLetrsServer({
    [SAMPLE_PAGE_PATH]: samplePage(today),
    '/manage/loading':
      '<!doctype html><title>Manage Licenses | LETRS</title><main><h1>Manage Licenses</h1><p>Loading…</p></main>',
  });
  browser = await launchExtension({ port: server.port });
  worker = await browser.worker();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the background worker in Chromium', () => {
  it('sets the badge to "3" on a fresh profile after a visit to the sample page, without the popup', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(PAGE);
    await expect.poll(async () => (await badge()).text, { timeout: 20_000 }).toBe('3');
    const { title, color } = await badge();
    expect(title).toBe(
      '3 license sets end within 30 days: ECE Cohort B (5 days), LETRS Units 1-4 Cohort A (12 days), LETRS Units 5-8 Cohort A (25 days)',
    );
    expect(color).toEqual([0xc5, 0x30, 0x30, 255]);
    // No extension page was ever opened.
    expect(browser.context.pages().some((p) => p.url().startsWith('chrome-extension://'))).toBe(false);
    const cache = await tables();
    expect(cache?.sets).toHaveLength(8);
    expect(cache?.history).toHaveLength(8);
    expect(cache?.syncLog.map((e) => [e.url, e.applied, e.setCount])).toEqual([[PAGE, true, 8]]);
    await tab.close();
  });

  it('changes nothing when the page failed to load', async () => {
    const before = (await tables())!;
    for (const url of ['https://letrs.com/manage/loading', 'https://letrs.com/manage/no-such-page']) {
      const tab = await browser.context.newPage();
      await tab.goto(url);
      // Give the content script time to read and (perhaps) send what it saw.
      await tab.waitForTimeout(3000);
      await tab.close();
    }
    const after = (await tables())!;
    expect(after.sets).toEqual(before.sets);
    expect(after.history).toEqual(before.history);
    expect(after.meta).toEqual(before.meta);
    expect(after.syncLog.slice(before.syncLog.length).every((e) => !e.applied)).toBe(true);
    expect((await badge()).text).toBe('3');
  });

  it('loses nothing when the worker is stopped, and a later visit with changed counts adds history and keeps the first values', async () => {
    const before = await tables();
    await browser.stopWorkers();
    expect(await tables()).toEqual(before);
    await wakeWorker();
    expect((await badge()).text).toBe('3');

    // The next visit happens "tomorrow" for the worker, with more licenses assigned in Cohort A.
    await run(worker, SHIFT_CLOCK, DAY_MS);
    server.setPage(SAMPLE_PAGE_PATH, samplePage(today).replace('<span>38 assigned</span>', '<span>44 assigned</span>'));
    const tab = await visitAndWaitForSync(PAGE, 2);
    const cache = (await tables())!;
    expect(cache.sets).toHaveLength(8);
    const cohortA = cache.sets.find((s) => s.key === COHORT_A)!;
    expect(cohortA).toMatchObject({ assigned: 44, firstSeen: today });
    expect(cohortA.lastSeen).not.toBe(today);
    const history = cache.history.filter((h) => h.key === COHORT_A).sort((a, b) => a.date.localeCompare(b.date));
    expect(history.map((h) => [h.date === today, h.values.assigned, h.changed])).toEqual([
      [true, 38, ['licenses', 'assigned', 'completed', 'startDate', 'endDate', 'pageStatus']],
      [false, 44, ['assigned']],
    ]);
    expect(cache.history).toHaveLength(9);
    await tab.close();
    await browser.stopWorkers();
    expect(await tables()).toEqual(cache);
  });

  it('leaves one consistent cache when two tabs sync at once', async () => {
    // Two days on for the worker; one tab shows 45 assigned in Cohort A, the other 46.
    await wakeWorker();
    await run(worker, SHIFT_CLOCK, 2 * DAY_MS);
    const before = (await tables())!;
    const applied = before.syncLog.filter((e) => e.applied).length;
    server.setPage(SAMPLE_PAGE_PATH, samplePage(today).replace('<span>38 assigned</span>', '<span>45 assigned</span>'));
    server.setPage(
      '/manage/licenses-b',
      samplePage(today).replace('<span>38 assigned</span>', '<span>46 assigned</span>'),
    );
    const [a, b] = await Promise.all([browser.context.newPage(), browser.context.newPage()]);
    await Promise.all([a.goto(PAGE), b.goto('https://district.letrs.com/manage/licenses-b')]);
    await expect
      .poll(async () => (await tables())!.syncLog.filter((e) => e.applied).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(applied + 2);
    const cache = (await tables())!;
    expect(cache.sets).toHaveLength(8);
    expect(new Set(cache.sets.map((s) => s.key)).size).toBe(8);
    const last = cache.sets.find((s) => s.key === COHORT_A)!;
    expect([45, 46]).toContain(last.assigned);
    // One history entry per set per day, holding the value the cache ended with.
    expect(new Set(cache.history.map((h) => `${h.key}|${h.date}`)).size).toBe(cache.history.length);
    const entries = cache.history.filter((h) => h.key === COHORT_A).sort((x, y) => x.date.localeCompare(y.date));
    expect(entries.map((h) => h.values.assigned)).toEqual([38, 44, last.assigned]);
    expect(cache.history).toHaveLength(10);
    const lastApplied = cache.syncLog.filter((e) => e.applied).at(-1)!;
    expect(cache.meta.find((m) => m.id === 'sync')?.lastSyncAt).toBe(lastApplied.at);
    expect((await badge()).text).toBe('3');
    await Promise.all([a.close(), b.close()]);
  });
});

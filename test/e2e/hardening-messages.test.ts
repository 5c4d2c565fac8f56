/**
 * Messages in Chromium with the production build. A letrs.com page cannot call
 * runtime.sendMessage (page world), so the hostile messages come from an extension page
 * (popup.html): a wrong shape, a 50 MB payload and a burst of 100 valid-looking syncs (a sync
 * from an extension page must be refused). All refused with { ok: false }, the cache unchanged.
 * Then the real content script in two tabs, each reloaded 10 times quickly: one consistent cache.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../lib/dates';
import { type ExtensionBrowser, type LetrsServer, launchExtension, startLetrsServer } from '../../scripts/browser';
import { readCache } from '../../scripts/extension-db';
import { SAMPLE_PAGE_PATH, sampleExpected, samplePage } from '../../scripts/sample-page';

const today = localToday();
const PAGE = `https://letrs.com${SAMPLE_PAGE_PATH}`;

interface Tables {
  sets: { key: string; assigned: number | null }[];
  history: { key: string; date: string }[];
  syncLog: { applied: boolean }[];
  meta: unknown[];
}

/** Sends each message of the list from the page at once and gives the replies (or the send error). */
const SEND_ALL = `async (messages) => Promise.all(messages.map((m) =>
  chrome.runtime.sendMessage(m).then((r) => r, (e) => ({ sendError: String(e && e.message || e) }))))`;

let server: LetrsServer;
let browser: ExtensionBrowser;
let popup: Page;

async function run<T>(target: Page, source: string, arg?: unknown): Promise<T> {
  const fn = await target.evaluateHandle(`(${source})`);
  try {
    return (await fn.evaluate((f, a) => (f as (x: unknown) => unknown)(a), arg)) as T;
  } finally {
    await fn.dispose();
  }
}
const tables = () => readCache<Tables>(popup);
const send = (messages: unknown[]) => run<unknown[]>(popup, SEND_ALL, messages);

beforeAll(async () => {
  server = await startLetrsServer({ [SAMPLE_PAGE_PATH]: samplePage(today) });
  browser = await launchExtension({ port: server.port });
  await browser.worker();
  const tab = await browser.context.newPage();
  await tab.goto(PAGE);
  popup = await browser.openExtensionPage('popup.html');
  for (let i = 0; i < 100 && ((await tables())?.sets?.length ?? 0) < 8; i++) await tab.waitForTimeout(200);
  await tab.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile messages from an extension page', () => {
  it('refuses a wrong shape, a 50 MB payload and a burst of 100 syncs, the cache unchanged', async () => {
    const before = await tables();
    expect(before?.sets).toHaveLength(8);
    const read = { isLicensesPage: true, complete: true, organization: 'Springfield Public Schools', diagnostics: [] };
    const sets = (sampleExpected(today).sets as Record<string, unknown>[]).map((s) => ({ ...s, assigned: 1 }));
    const valid = { type: 'letrs:sync', read: { ...read, tracks: ['LETRS'], sets } };
    const wrong = [
      { type: 'letrs:sync' },
      { type: 'letrs:sync', read: { ...read, sets: 'all' } },
      { type: 'letrs:wipe' },
      { kind: 'letrs:refresh' },
      ['letrs:sync'],
    ];
    const huge = {
      type: 'letrs:sync',
      read: { ...valid.read, sets: [{ ...sets[0], name: 'x'.repeat(50 * 1024 * 1024) }] },
    };
    const burst = Array.from({ length: 100 }, () => valid);
    const replies = [...(await send(wrong)), ...(await send([huge])), ...(await send(burst))];
    console.log(
      `messages refused: ${replies.filter((r) => (r as { ok?: boolean }).ok === false).length} of ${replies.length}`,
    );
    expect(replies).toHaveLength(106);
    for (const reply of replies)
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Message refused: /) });
    expect((replies[5] as { error: string }).error).toMatch(/bytes is more than the \d+ allowed/);
    expect((replies[6] as { error: string }).error).toMatch(/only from a letrs\.com page/);
    expect(await tables()).toEqual(before);
  }, 120_000);
});

describe('the real content script under reloads', () => {
  it('keeps 8 sets and one history entry per set per day after two tabs reload 10 times quickly', async () => {
    const [a, b] = await Promise.all([browser.context.newPage(), browser.context.newPage()]);
    await Promise.all([a.goto(PAGE), b.goto('https://district.letrs.com/manage/licenses')]);
    for (let i = 0; i < 10; i++) {
      await Promise.all([a.reload({ waitUntil: 'domcontentloaded' }), b.reload({ waitUntil: 'domcontentloaded' })]);
    }
    await Promise.all([a.waitForLoadState('load'), b.waitForLoadState('load')]);
    const logged = (await tables())!.syncLog.length;
    // The content script reads after the page settles (debounced): give the last reads time to land.
    await expect.poll(async () => (await tables())!.syncLog.length, { timeout: 20_000 }).toBeGreaterThan(1);
    await a.waitForTimeout(4000);
    console.log(`syncs logged at load: ${logged}`);
    const cache = (await tables())!;
    console.log(`reload storm: ${cache.syncLog.length} syncs logged`);
    expect(cache.sets).toHaveLength(8);
    expect(new Set(cache.sets.map((s) => s.key)).size).toBe(8);
    expect(cache.history).toHaveLength(8);
    expect(new Set(cache.history.map((h) => `${h.key}|${h.date}`)).size).toBe(8);
    console.log(`applied: ${cache.syncLog.filter((e) => e.applied).length}`);
    await Promise.all([a.close(), b.close()]);
  }, 120_000);
});

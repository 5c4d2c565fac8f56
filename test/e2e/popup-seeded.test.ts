import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localToday } from '../../lib/dates';
import { type ExtensionBrowser, type LetrsServer, launchExtension, startLetrsServer } from '../../scripts/browser';
import { waitForDatabase, writeCache } from '../../scripts/extension-db';
import { manySets, PAGE_URL, sampleCache } from '../popup-fixture';

// The popup in Chromium from a cache written straight into IndexedDB (no page sync needed):
// layout at 400 px, keyboard focus, dark mode, and 10,000 sets.

let server: LetrsServer;
let browser: ExtensionBrowser;
const today = localToday();

beforeAll(async () => {
  server = await startLetrsServer({});
  browser = await launchExtension({ port: server.port, viewport: { width: 400, height: 600 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function popupWith(sets: unknown[]) {
  const page = await browser.openExtensionPage('popup.html');
  await waitForDatabase(page);
  // A new last-sync row, as every sync through the background writes one.
  const meta = [{ id: 'sync', lastSyncAt: new Date().toISOString(), lastSyncUrl: PAGE_URL }];
  await writeCache(page, { sets, meta, clear: true });
  await page.reload();
  return page;
}

it('fits 400 px with no horizontal scroll, and every control is reachable by keyboard with a visible focus', async () => {
  const page = await popupWith(sampleCache(today));
  await page.getByText('Upcoming deadlines').waitFor();
  const widths = await page.evaluate(() => ({
    body: document.body.scrollWidth,
    client: document.body.clientWidth,
    doc: document.documentElement.scrollWidth,
  }));
  expect(widths.body).toBeLessThanOrEqual(widths.client);
  expect(widths.doc).toBeLessThanOrEqual(400);
  const reached: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName,
        text: el.textContent?.trim() ?? '',
        outline: style.outlineStyle,
        width: style.outlineWidth,
      };
    });
    // The scrolling body itself takes focus too (so the keyboard can scroll it); controls must show it.
    if (focus.tag !== 'A' && focus.tag !== 'BUTTON') continue;
    reached.push(focus.text);
    expect(focus.outline, focus.text).toBe('solid');
    expect(focus.width).toBe('3px');
  }
  expect(reached).toEqual(
    expect.arrayContaining(['Open Manage Licenses', 'Export CSV', 'Export calendar', 'Settings']),
  );
  await page.close();
});

it('follows the dark colour scheme', async () => {
  const page = await popupWith(sampleCache(today));
  await page.getByText('Upcoming deadlines').waitFor();
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).toBe('rgb(21, 24, 28)');
  await page.close();
});

it('saves the CSV and the calendar file from the popup bundle (papaparse and ical-generator in the page)', async () => {
  const page = await popupWith(sampleCache(today));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.getByText('Upcoming deadlines').waitFor();
  const files: Record<string, string> = {};
  for (const button of ['Export CSV', 'Export calendar']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = await download;
    files[file.suggestedFilename()] = await readFile((await file.path()) as string, 'utf8');
  }
  expect(Object.keys(files).sort()).toEqual([`letrs-licenses-${today}.csv`, `letrs-licenses-${today}.ics`]);
  expect(files[`letrs-licenses-${today}.csv`].split('\r\n').filter(Boolean)).toHaveLength(1 + 8);
  expect(files[`letrs-licenses-${today}.ics`].match(/BEGIN:VEVENT/g)).toHaveLength(8);
  expect(errors).toEqual([]);
  await page.close();
});

it('shows 10,000 cached sets with capped lists', async () => {
  const page = await popupWith(manySets(10_000, today));
  await page.getByText('Upcoming deadlines').waitFor();
  await expect.poll(() => page.getByTestId('track').count()).toBe(5);
  expect(await page.getByTestId('deadline').count()).toBeLessThanOrEqual(8 + 4);
  expect(await page.getByRole('button', { name: /^Show all \(/ }).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(600);
  await page.close();
});

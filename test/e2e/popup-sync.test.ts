/**
 * The popup and options page end to end, in Chromium with the production build: the content
 * script reads the built-in sample page at https://letrs.com/manage/licenses, the background
 * caches it, and popup.html then shows what the sample holds (every track, the totals, the three
 * sets ending within 30 days) and exports one CSV row per set. The options page changes the
 * warning window and the toolbar badge follows.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../lib/csv';
import { localToday } from '../../lib/dates';
import { formatNumber, plural } from '../../lib/format';
import type { LicenseSet } from '../../lib/license';
import { deadlines, summarize } from '../../lib/summary';
import { type ExtensionBrowser, type LetrsServer, launchExtension, startLetrsServer } from '../../scripts/browser';
import { SAMPLE_PAGE_PATH, sampleExpected, samplePage } from '../../scripts/sample-page';

const today = localToday();
const expected = sampleExpected(today);
const expectedSets = expected.sets as unknown as LicenseSet[];
const summary = summarize(expectedSets, today);

let server: LetrsServer;
let browser: ExtensionBrowser;
let popup: Page;

async function badgeText(): Promise<string> {
  const worker = await browser.worker();
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

beforeAll(async () => {
  server = await startLetrsServer({ [SAMPLE_PAGE_PATH]: samplePage(today) });
  browser = await launchExtension({ port: server.port, viewport: { width: 400, height: 600 } });
  const page = await browser.context.newPage();
  await page.goto(`https://letrs.com${SAMPLE_PAGE_PATH}`);
  // The sync has landed when the worker draws the badge for it.
  const until = Date.now() + 30_000;
  while ((await badgeText()) !== '3') {
    if (Date.now() > until) throw new Error(`No sync of the sample page: the badge says "${await badgeText()}"`);
    await page.waitForTimeout(200);
  }
  popup = await browser.openExtensionPage('popup.html');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('shows the organization, the totals and every track of the sample page', async () => {
  await expect.poll(() => popup.getByTestId('track').count(), { timeout: 15_000 }).toBe(3);
  expect(await popup.getByTestId('organization').textContent()).toBe(expected.organization);
  expect(await popup.getByTestId('read-age').textContent()).toMatch(
    /^Read today \d{1,2}:\d{2} · Open Manage Licenses$/,
  );
  const active = summary.byStatus.active;
  expect(await popup.getByTestId('total-licenses').textContent()).toBe(formatNumber(active.licenses));
  expect(await popup.getByTestId('total-assigned').textContent()).toBe(formatNumber(active.assigned));
  expect(await popup.getByTestId('total-unassigned').textContent()).toBe(formatNumber(active.unassigned));
  expect(await popup.getByTestId('total-expiring').textContent()).toBe(String(summary.all.expiringSoon));
  expect(summary.all.expiringSoon).toBe(3);

  for (const track of summary.tracks) {
    const card = popup.getByRole('article', { name: track.track, exact: true });
    const { active: a, upcoming, expired } = track.byStatus;
    expect(await card.getByTestId('active-sets').textContent()).toBe(plural(a.sets, 'set'));
    expect(await card.getByTestId('active-licenses').textContent()).toBe(plural(a.licenses, 'license'));
    expect(await card.getByTestId('active-assigned').textContent()).toBe(formatNumber(a.assigned));
    expect(await card.getByTestId('active-unassigned').textContent()).toBe(formatNumber(a.unassigned));
    expect(await card.getByTestId('upcoming').textContent()).toBe(plural(upcoming.sets, 'set'));
    expect(await card.getByTestId('expired').textContent()).toBe(plural(expired.sets, 'set'));
  }
});

it('lists the three sets ending within 30 days, soonest first, with their unassigned licenses', async () => {
  const rows = popup.getByRole('list', { name: 'Sets ending soon' }).getByTestId('deadline');
  const texts = await rows.allTextContents();
  expect(texts).toHaveLength(3);
  const ending = deadlines(expectedSets, today, 30).ending.map((d) => d.set);
  expect(ending.map((s) => s.name)).toEqual(['ECE Cohort B', 'LETRS Units 1-4 Cohort A', 'LETRS Units 5-8 Cohort A']);
  texts.forEach((text, i) => {
    const set = ending[i];
    expect(text).toContain(set.name);
    expect(text).toContain(`${formatNumber((set.licenses ?? 0) - (set.assigned ?? 0))} unassigned`);
  });
  expect(texts[0]).toContain('in 5 days');
  expect(texts[1]).toContain('in 12 days');
  expect(texts[2]).toContain('in 25 days');
});

it('exports one CSV row per set', async () => {
  const download = popup.waitForEvent('download');
  await popup.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`letrs-licenses-${today}.csv`);
  const text = await readFile((await file.path()) as string, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('\r\n');
  const rows = Papa.parse<string[]>(text.slice(1).trim(), { newline: '\r\n' }).data;
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(
    rows
      .slice(1)
      .map((r) => r[2])
      .sort(),
  ).toEqual(expectedSets.map((s) => s.name).sort());
  expect(await popup.getByText(`Saved letrs-licenses-${today}.csv (8 sets).`).count()).toBe(1);
});

it('updates while open when a sync lands: 7 more licenses assigned in ECE Cohort B', async () => {
  const before = Number((await popup.getByTestId('total-unassigned').textContent())?.replace(/,/g, ''));
  const changed = samplePage(today).replace(
    '<b>25</b> licenses<br><span>18 assigned</span>',
    '<b>25</b> licenses<br><span>25 assigned</span>',
  );
  expect(changed).not.toBe(samplePage(today));
  server.setPage(SAMPLE_PAGE_PATH, changed);
  const page = await browser.context.newPage();
  await page.goto(`https://letrs.com${SAMPLE_PAGE_PATH}`);
  await expect
    .poll(() => popup.getByTestId('total-unassigned').textContent(), { timeout: 15_000 })
    .toBe(formatNumber(before - 7));
  const ece = popup.getByRole('article', { name: 'LETRS for Early Childhood Educators', exact: true });
  expect(await ece.getByTestId('active-unassigned').textContent()).toBe('0');
  await page.close();
});

it('changes the warning window on the options page, and the badge and the popup follow', async () => {
  const options = await browser.openExtensionPage('options.html');
  await options.getByLabel('Warning window (days)').fill('10');
  await options.getByRole('button', { name: 'Save deadlines' }).click();
  await options.getByText('Saved: sets ending within 10 days count as expiring soon.').waitFor();
  // Only ECE Cohort B (5 days) ends within 10 days.
  await expect.poll(badgeText, { timeout: 15_000 }).toBe('1');
  await expect.poll(() => popup.getByTestId('total-expiring').textContent()).toBe('1');

  await options.getByLabel('Warning window (days)').fill('30');
  await options.getByRole('button', { name: 'Save deadlines' }).click();
  await expect.poll(badgeText, { timeout: 15_000 }).toBe('3');
  await options.close();
});

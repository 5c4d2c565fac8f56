/**
 * `npm run demo`: the extension's main job, end to end, on this machine.
 *
 * Builds the production extension, serves the built-in sample Manage Licenses page at
 * https://letrs.com/manage/licenses (local HTTPS, certificate made now, host mapped to it),
 * launches Debian's Chromium with the extension, visits the page, and writes to demo-output/:
 * a screenshot of the page with the overlay, one of the popup, the exported CSV and .ics.
 * `npm run demo -- --headed` opens a real window and leaves it open to explore.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { CHROMIUM, INSTALL_HINT, launchExtension, startLetrsServer } from './browser';
import { SAMPLE_PAGE_PATH, samplePage } from './sample-page';

const headed = process.argv.includes('--headed');
const skipBuild = process.argv.includes('--no-build');
const OUT = resolve(import.meta.dirname, '../demo-output');
const PAGE_URL = `https://letrs.com${SAMPLE_PAGE_PATH}`;

function fail(message: string): never {
  console.error(`demo: ${message}`);
  process.exit(1);
}

/** Clicks a button by its visible name and saves the file it downloads into demo-output/. */
async function saveDownload(page: Page, buttonName: RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.getByRole('button', { name: buttonName }).first().click(),
  ]);
  const file = resolve(OUT, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

if (!existsSync(CHROMIUM)) fail(`${INSTALL_HINT}\n(then run "npm run demo" again)`);

if (!skipBuild) {
  console.log('Building the production extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const server = await startLetrsServer({ [SAMPLE_PAGE_PATH]: samplePage() });
const browser = await launchExtension({ port: server.port, headed });
try {
  console.log(`Visiting ${PAGE_URL} (the built-in sample, served on this machine)…`);
  const page = await browser.context.newPage();
  await page.goto(PAGE_URL);

  // The content script reads the page and the background caches it; the badge shows when done.
  const worker = await browser.worker();
  const badge = () =>
    worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    );
  const deadline = Date.now() + 20_000;
  let badgeText = await badge();
  while ((badgeText === '' || badgeText === '?') && Date.now() < deadline) {
    await page.waitForTimeout(250);
    badgeText = await badge();
  }
  await page
    .locator('[data-letrs-tracker]')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(OUT, 'licenses-page.png'), fullPage: true });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup
    .getByRole('button', { name: /export csv/i })
    .first()
    .waitFor({ timeout: 15_000 });
  // What the toolbar shows (400×600), then the whole popup unrolled, with the track summary.
  await popup.screenshot({ path: resolve(OUT, 'popup.png') });
  await popup.addStyleTag({ content: 'body { max-height: none !important; }' });
  await popup.screenshot({ path: resolve(OUT, 'popup-full.png'), fullPage: true });
  const csvFile = await saveDownload(popup, /export csv/i);
  const icsFile = await saveDownload(popup, /calendar/i);

  const rows = Papa.parse<Record<string, string>>(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const tracks = new Set(rows.map((r) => r.Track));
  const soon = rows.filter((r) => r['Expiring soon'] === 'yes');
  console.log(
    `\nRead ${rows.length} license sets in ${tracks.size} tracks for ${rows[0]?.Organization || 'an unnamed organization'}.`,
  );
  console.log(`Toolbar badge: "${badgeText}"`);
  if (soon.length) {
    console.log('Needs attention (active, ending within the warning window):');
    for (const r of soon.sort((a, b) => Number(a['Days until end']) - Number(b['Days until end']))) {
      console.log(
        `  • ${r['License set']} (${r.Track}) ends ${r['End date']}, in ${r['Days until end']} days: ${r.Unassigned || '?'} unassigned`,
      );
    }
  } else {
    console.log('No active set ends within the warning window.');
  }
  console.log(`\nWrote to ${OUT}:`);
  for (const file of ['licenses-page.png', 'popup.png', 'popup-full.png', csvFile, icsFile])
    console.log(`  ${resolve(OUT, file)}`);

  if (headed) {
    console.log('\nChromium stays open: explore the page and the toolbar popup. Press Ctrl+C here to quit.');
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      browser.context.once('close', () => done());
    });
  }
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}

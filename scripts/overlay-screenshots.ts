/**
 * `npm run screenshots:overlay`: the overlay screenshots in docs/, made with the production build
 * in Debian's Chromium on the built-in sample page (dates relative to today):
 * - docs/overlay-sample.png: the sample Manage Licenses page with the chips and the summary bar;
 * - docs/overlay-narrow-collapsed.png: a narrow window with the bar collapsed;
 * - docs/overlay-unreadable.png: a page that looks like the licenses page but whose rows could not
 *   be read (the sample with its license counts taken out), where the bar says so.
 * `--no-build` reuses .output/chrome-mv3.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, startLetrsServer } from './browser';
import { SAMPLE_PAGE_PATH, samplePage } from './sample-page';

const DOCS = resolve(import.meta.dirname, '../docs');
const UNREADABLE_PATH = '/manage/licenses-unreadable';

/** The sample with every license count replaced by a dash: headings and groups, but no readable rows. */
function unreadablePage(): string {
  return samplePage()
    .replace(/<div class="css-9w3cbt">[\s\S]*?<\/div>/g, '<div class="css-9w3cbt"><b>—</b></div>')
    .replace(/<div class="css-g2l0ff"[\s\S]*?<\/div>/g, '');
}

async function waitForOverlay(page: Page, chips: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('letrs-tracker-chip').length === n &&
      document.querySelector('letrs-tracker-bar')?.shadowRoot?.querySelector('[role="status"]')?.textContent,
    chips,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(300);
}

if (!process.argv.includes('--no-build')) {
  console.log('Building the production extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
mkdirSync(DOCS, { recursive: true });
const server = await startLetrsServer({ [SAMPLE_PAGE_PATH]: samplePage(), [UNREADABLE_PATH]: unreadablePage() });
const browser = await launchExtension({ port: server.port, viewport: { width: 1280, height: 900 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`https://district.letrs.com${SAMPLE_PAGE_PATH}`);
  await waitForOverlay(page, 8);
  await page.screenshot({ path: resolve(DOCS, 'overlay-sample.png'), fullPage: true });
  console.log('docs/overlay-sample.png');

  await page.setViewportSize({ width: 760, height: 900 });
  await page.getByRole('button', { name: 'Hide details' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(DOCS, 'overlay-narrow-collapsed.png') });
  console.log('docs/overlay-narrow-collapsed.png');
  // Leave the bar expanded for the next page (the choice is remembered).
  await page.getByRole('button', { name: 'Show details' }).click();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`https://district.letrs.com${UNREADABLE_PATH}`);
  await waitForOverlay(page, 0);
  await page.screenshot({
    path: resolve(DOCS, 'overlay-unreadable.png'),
    clip: { x: 0, y: 0, width: 1280, height: 520 },
  });
  console.log('docs/overlay-unreadable.png');
} finally {
  await browser.close();
  await server.close();
}

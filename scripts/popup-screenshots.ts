/**
 * `npm run screenshots:popup`: the popup and options screenshots in docs/, made with the
 * production build in Debian's Chromium from the built-in sample page (dates relative to today):
 * the content script reads https://district.letrs.com/manage/licenses, the background caches it,
 * then popup.html is captured at the popup's 400×600 in the light and dark colour schemes.
 * - docs/popup-light.png, docs/popup-dark.png (the dark one scrolled to the track summary);
 * - docs/options.png: the options page.
 * `--no-build` reuses .output/chrome-mv3.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension, startLetrsServer } from './browser';
import { SAMPLE_PAGE_PATH, samplePage } from './sample-page';

const DOCS = resolve(import.meta.dirname, '../docs');

if (!process.argv.includes('--no-build')) {
  console.log('Building the production extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
mkdirSync(DOCS, { recursive: true });
const server = await startLetrsServer({ [SAMPLE_PAGE_PATH]: samplePage() });
const browser = await launchExtension({ port: server.port, viewport: { width: 400, height: 600 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`https://district.letrs.com${SAMPLE_PAGE_PATH}`);
  const popup = await browser.openExtensionPage('popup.html');
  // The popup updates live: it shows the tracks once the sync has landed.
  await popup.getByTestId('track').first().waitFor({ timeout: 30_000 });
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: resolve(DOCS, 'popup-light.png') });
  console.log('docs/popup-light.png');

  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.evaluate(() => document.body.scrollTo(0, document.body.scrollHeight));
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: resolve(DOCS, 'popup-dark.png') });
  console.log('docs/popup-dark.png');

  const options = await browser.openExtensionPage('options.html');
  await options.setViewportSize({ width: 900, height: 900 });
  await options.getByRole('heading', { name: 'Toolbar badge' }).waitFor();
  await options.waitForTimeout(300);
  await options.screenshot({ path: resolve(DOCS, 'options.png'), fullPage: true });
  console.log('docs/options.png');
} finally {
  await browser.close();
  await server.close();
}

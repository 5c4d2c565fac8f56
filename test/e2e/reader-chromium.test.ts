/**
 * The reader in Chromium's real DOM (not happy-dom): every sample page gives its expected sets,
 * the built-in sample reads as expected, and pages the HTML parser treats differently in a
 * browser (noscript with scripting on, unclosed headings) still read right.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageRead } from '../../lib/page-read';
import { CHROMIUM } from '../../scripts/browser';
import { readerBundle } from '../../scripts/reader-bundle';
import { sampleExpected, samplePage } from '../../scripts/sample-page';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = resolve(ROOT, 'test/fixtures/pages');
const HOSTILE = resolve(ROOT, 'test/fixtures/hostile');
const FIXTURES = [
  'table-per-track',
  'nested-lists',
  'tabs-status',
  'collapsed-details',
  'aria-grid',
  'mid-load',
  'people',
  'overview-dashboard',
];

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  bundle = await readerBundle();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox'] });
  page = await browser.newPage({ javaScriptEnabled: true });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Loads HTML as a page, its own scripts blocked by a CSP, and reads it with the bundled reader
 * (page.evaluate runs through DevTools, which the page's CSP does not restrict).
 */
async function read(html: string): Promise<PageRead> {
  await page.route('https://letrs.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': "script-src 'none'" },
      body: html,
    }),
  );
  await page.goto('https://letrs.test/manage/licenses');
  await page.unroute('https://letrs.test/**');
  return (await page.evaluate(`(() => { ${bundle}; return letrsReader.readLicensesPage(document); })()`)) as PageRead;
}

describe('reader in Chromium', () => {
  it.each(FIXTURES)('%s reads as expected', async (name) => {
    const got = await read(readFileSync(resolve(PAGES, `${name}.html`), 'utf8'));
    const want = JSON.parse(readFileSync(resolve(PAGES, `${name}.expected.json`), 'utf8'));
    expect(got.sets).toEqual(want.sets);
    expect(got.organization).toBe(want.organization);
    expect(got.isLicensesPage).toBe(want.isLicensesPage);
    expect(got.complete).toBe(want.complete);
  });

  it('reads the built-in sample', async () => {
    const got = await read(samplePage('2026-12-03'));
    expect(got.sets).toEqual(sampleExpected('2026-12-03').sets);
    expect(got.complete).toBe(true);
  });

  it('skips noscript content and reads rows left inside an unclosed heading', async () => {
    const template = await read(readFileSync(resolve(HOSTILE, 'template-rows.html'), 'utf8'));
    expect(template.sets.map((s) => s.name)).toEqual(['Real Cohort']);
    const unclosed = await read(readFileSync(resolve(HOSTILE, 'unclosed-tags.html'), 'utf8'));
    expect(unclosed.sets.map((s) => [s.name, s.licenses, s.assigned, s.pageStatus])).toEqual([
      ['Unclosed Cohort', 50, 10, 'active'],
      ['Second Unclosed Cohort', 20, 5, 'active'],
    ]);
  });
});

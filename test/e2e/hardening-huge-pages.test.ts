/**
 * Hostile pages too big for happy-dom, read in Chromium's DOM with the bundled reader: a 20 MB
 * page of paragraphs around two sets, a 20 MB page of rows (far past the 20,000-set cap), and
 * pages nested 3,000 levels deep. The reader must not throw, must read what is there, and must
 * mark a capped read incomplete.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageRead } from '../../lib/page-read';
import { CHROMIUM } from '../../scripts/browser';
import { readerBundle } from '../../scripts/reader-bundle';
import { deepPage, deepUnclosedPage, hugeFillerPage, hugeRowsPage } from '../hardening-pages';

const MB20 = 20 * 1024 * 1024;

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

/** Serves the HTML (its scripts blocked), reads it with the bundled reader, and says how long the read took. */
async function read(html: string): Promise<{ read: PageRead; ms: number }> {
  await page.route('https://letrs.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': "script-src 'none'" },
      body: html,
    }),
  );
  await page.goto('https://letrs.test/manage/licenses', { timeout: 60_000 });
  await page.unroute('https://letrs.test/**');
  return (await page.evaluate(
    `(() => { ${bundle}; const t = performance.now(); const read = letrsReader.readLicensesPage(document); return { read, ms: performance.now() - t }; })()`,
  )) as { read: PageRead; ms: number };
}

describe('huge and deep pages in Chromium', () => {
  it('reads the two sets of a 20 MB page of paragraphs', async () => {
    const html = hugeFillerPage(MB20);
    expect(html.length).toBeGreaterThan(MB20);
    const { read: got, ms } = await read(html);
    console.log(`20 MB filler page: read in ${Math.round(ms)} ms`);
    expect(got.sets.map((s) => [s.name, s.licenses, s.assigned])).toEqual([
      ['First Cohort', 60, 12],
      ['Last Cohort', 40, 9],
    ]);
    expect(got.complete).toBe(true);
  }, 120_000);

  it('stops a 20 MB page of rows at 20,000 sets and marks the read incomplete', async () => {
    const html = hugeRowsPage(MB20);
    const { read: got, ms } = await read(html);
    console.log(`20 MB rows page (${(html.match(/class="row"/g) ?? []).length} rows): read in ${Math.round(ms)} ms`);
    expect(got.sets).toHaveLength(20_000);
    expect(got.complete).toBe(false);
    expect(got.sets[0]).toMatchObject({ name: 'Cohort 0', licenses: 100, assigned: 0 });
    expect(got.sets[19_999]).toMatchObject({ name: 'Cohort 19999', licenses: 149, assigned: 99 });
    expect(got.diagnostics.map((d) => d.message).join('\n')).toContain('more than 20000 license sets');
  }, 120_000);

  it('reads a set 3,000 divs deep; refuses, never misreads, one under 3,000 unclosed mixed tags', async () => {
    expect((await read(deepPage(3000))).read.sets).toEqual([
      expect.objectContaining({ name: 'Deep Cohort', licenses: 25, assigned: 5 }),
    ]);
    // Chromium's parser stops nesting at 512 levels and hangs the rest of the tags side by side,
    // which takes the row apart: the counts end up outside any row. The reader then finds no set
    // and marks the read incomplete (so the cache keeps what it had) rather than guessing.
    const buried = (await read(deepUnclosedPage(3000))).read;
    expect(buried.sets).toEqual([]);
    expect(buried.complete).toBe(false);
    expect(buried.diagnostics.map((d) => d.message)).toContain(
      'No license sets were found on the Manage Licenses page; this read is incomplete.',
    );
  }, 60_000);
});

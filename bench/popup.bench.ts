/**
 * The toolbar popup in Debian's Chromium, from the production build (.output/chrome-mv3):
 *
 * - `popup-first-content-10000-sets`: ms from the navigation to popup.html until the first
 *   meaningful content (the totals) is in the DOM, with 10,000 cached sets, as on every opening
 *   but the first after a sync: the popup shows its snapshot of the last model, checked against
 *   the cache (lib/popup-snapshot.ts), then reads everything. The note gives the first opening
 *   after a sync (no usable snapshot: all 10,000 sets are read before the totals show).
 * - `popup-vs-empty`: that time divided by the same measure for an empty cache (the empty state
 *   is its first content), in the same browser run, so machine speed cancels out.
 * - `popup-js-kb`: minified JavaScript popup.html loads before any click (what Chromium fetched,
 *   sized from the files on disk), in KB of 1,000 bytes; gzip size in the note.
 *
 * How: `npx wxt build`, then Chromium with the extension and a 400×600 viewport; popup.html is
 * opened as a tab (the measure is the page's own work: reading IndexedDB through Dexie,
 * aggregating, rendering). An init script's MutationObserver records performance.now() (ms since
 * the navigation started) when the content appears. The cache is written with the IndexedDB API
 * from an extension page. Each figure is the median of RUNS fresh pages after one warm-up.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { localToday } from '../lib/dates';
import { SNAPSHOT_KEY } from '../lib/popup-snapshot';
import { CHROMIUM, EXTENSION_DIR, INSTALL_HINT, launchExtension, startLetrsServer } from '../scripts/browser';
import { waitForDatabase, writeCache } from '../scripts/extension-db';
import { manySets, PAGE_URL } from '../test/popup-fixture';
import { atMost, type BenchResult, median } from './result';

const RUNS = 9;
const SETS = 10_000;
const FIRST_CONTENT = '[data-testid="total-licenses"], [data-testid="empty-state"]';

declare global {
  interface Window {
    __firstContent?: number;
  }
}

/** Runs in every page before its scripts: notes when the first meaningful content appears. */
function probe({ selector, snapshotKey }: { selector: string; snapshotKey: string }) {
  if (!location.pathname.endsWith('/popup.html')) return;
  // popup.html#cold: as the first opening after a sync, with no snapshot to show.
  if (location.hash === '#cold') localStorage.removeItem(snapshotKey);
  const observer = new MutationObserver(() => {
    if (window.__firstContent === undefined && document.querySelector(selector)) {
      window.__firstContent = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function firstContent(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstContent !== undefined, undefined, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__firstContent as number);
  await page.close();
  return ms;
}

/**
 * The JavaScript files popup.html loads before any click: its module scripts and preloads, and
 * what they import statically (Vite writes `import … from"./x.js"`); `import("./x.js")`, loaded
 * on a click, is left out.
 */
export function popupScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map(
    (m) => m[1].replace(/^\//, ''),
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), m[1])));
    }
  }
  return [...seen];
}

async function timings(context: BrowserContext, url: string) {
  await firstContent(context, url); // warm-up: first load compiles the scripts
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstContent(context, url));
  return { median: median(runs), runs };
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const server = await startLetrsServer({});
  const browser = await launchExtension({ port: server.port, viewport: { width: 400, height: 600 } });
  try {
    await browser.context.addInitScript(probe, { selector: FIRST_CONTENT, snapshotKey: SNAPSHOT_KEY });
    const url = `chrome-extension://${browser.extensionId}/popup.html`;
    const seeder = await browser.openExtensionPage('popup.html');
    await waitForDatabase(seeder);

    const empty = await timings(browser.context, url);
    const today = localToday();
    const written = await writeCache(seeder, {
      sets: manySets(SETS, today),
      meta: [{ id: 'sync', lastSyncAt: new Date().toISOString(), lastSyncUrl: PAGE_URL }],
      clear: true,
    });
    if (written !== SETS) throw new Error(`Seeded ${written} sets, expected ${SETS}`);
    await seeder.close();
    const full = await timings(browser.context, url);
    const cold = await timings(browser.context, `${url}#cold`);

    const scripts = popupScripts(EXTENSION_DIR);
    const files = scripts.map((path) => readFileSync(join(EXTENSION_DIR, path)));
    const bytes = files.reduce((sum, f) => sum + f.length, 0);
    const gzip = files.reduce((sum, f) => sum + gzipSync(f, { level: 9 }).length, 0);
    const spread = (r: number[]) => `${Math.round(Math.min(...r))}–${Math.round(Math.max(...r))} ms`;
    return [
      atMost(
        'popup-first-content-10000-sets',
        full.median,
        'ms',
        150,
        `median of ${RUNS}, range ${spread(full.runs)}; empty cache ${Math.round(empty.median)} ms; first opening after a sync (no snapshot) ${Math.round(cold.median)} ms`,
      ),
      atMost(
        'popup-vs-empty',
        full.median / empty.median,
        'x',
        2,
        `${Math.round(full.median)} ms / ${Math.round(empty.median)} ms, same run`,
      ),
      atMost('popup-js-kb', bytes / 1000, 'KB', 150, `${scripts.join(', ')}; gzip ${(gzip / 1000).toFixed(1)} KB`),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * `overlay-5000-rows-chromium`: the milliseconds the overlay adds to a Manage Licenses page with
 * 5,000 license sets, in Debian's Chromium.
 *
 * How: the reader and the overlay (bench/overlay-page.ts: the same sources the content script
 * bundles) are built for the page with Vite's build API (one minified IIFE). The generated 5,000-set page of bench/
 * licenses-page.ts is loaded and read once with `readLicensesPageWithRows`, as the content script
 * does (not timed: that is the reader's benchmark). Then the time from `createOverlay().update()`
 * with the read, its rows and a sync reply until the page has done its style and layout with the
 * chips and the bar in place (a forced synchronous layout) is measured. Each run uses a fresh page,
 * after its first layout and paint; the figure is the median of RUNS runs. On a page this long
 * only the rows near the viewport get their chips at once (the others as they scroll near): the
 * note says how many, the median of an unchanged second update (what every later read costs),
 * and checks that scrolling to the end renders more.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { localToday } from '../lib/dates';
import { CHROMIUM, INSTALL_HINT } from '../scripts/browser';
import { generatedLicensesPage } from './licenses-page';
import { atMost, type BenchResult, median } from './result';

const SETS = 5000;
const TRACKS = 10;
const RUNS = 7;
const ROOT = resolve(import.meta.dirname, '..');
/** The reader and the overlay as one script for the page, exposing `letrsBench`. */
async function pageBundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, 'bench/overlay-page.ts'),
        name: 'letrsBench',
        formats: ['iife'],
        fileName: () => 'bench.js',
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output : [output])
    .flatMap((o) => o.output)
    .find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('Vite built no bench bundle');
  return chunk.code;
}

interface Run {
  firstMs: number;
  againMs: number;
  sets: number;
  chips: number;
  chipsAtEnd: number;
}

/** Runs in the page (as a string, so no build tooling wraps it). */
const MEASURE = `async () => {
  const frames = async (n) => { for (let i = 0; i < n; i++) await new Promise((done) => requestAnimationFrame(done)); };
  await frames(3);
  await new Promise((done) => setTimeout(done, 100));
  const { read, rows } = letrsBench.readLicensesPageWithRows(document);
  const overlay = letrsBench.createOverlay(document, {
    collapsed: false,
    requestCsv: () => Promise.reject(new Error('not in the bench')),
    saveCollapsed: async () => {},
  });
  document.body.getBoundingClientRect();
  const update = () => {
    const start = performance.now();
    overlay.update({ read, rows, warningWindow: 30, lastSyncAt: new Date().toISOString(), syncError: null });
    document.body.getBoundingClientRect();
    return performance.now() - start;
  };
  const firstMs = update();
  const chips = document.querySelectorAll('letrs-tracker-chip').length;
  const againMs = update();
  window.scrollTo(0, document.body.scrollHeight);
  await frames(3);
  const chipsAtEnd = document.querySelectorAll('letrs-tracker-chip').length;
  return { firstMs, againMs, sets: read.sets.length, chips, chipsAtEnd };
}`;

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  const html = generatedLicensesPage(SETS, TRACKS, localToday());
  const script = await pageBundle();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox'] });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.setContent(html);
      await page.addScriptTag({ content: script });
      const result = (await page.evaluate(`(${MEASURE})()`)) as Run;
      if (result.sets !== SETS) throw new Error(`the reader found ${result.sets} sets, not ${SETS}`);
      // The rows near the viewport have chips at once; the rows further down get theirs on scroll.
      if (result.chips === 0 || result.chipsAtEnd <= result.chips) {
        throw new Error(
          `chips not rendered as expected: ${result.chips} at first, ${result.chipsAtEnd} after scrolling`,
        );
      }
      runs.push(result);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const note =
    `median of ${RUNS} fresh pages: update + layout, ${median(runs.map((r) => r.chips))} rows near the ` +
    `viewport get chips at once; unchanged re-update ${median(runs.map((r) => r.againMs)).toFixed(1)} ms`;
  return [atMost('overlay-5000-rows-chromium', median(runs.map((r) => r.firstMs)), 'ms', 100, note)];
}

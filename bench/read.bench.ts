/**
 * The reader's figures, in Debian's Chromium:
 * - `read-5000-sets-chromium`: milliseconds readLicensesPage takes on a generated Manage Licenses
 *   page with 5,000 sets in 20 tracks (bench/licenses-page.ts), median of RUNS reads.
 * - `read-vs-text-walk-chromium`: that time divided by the time of one plain TreeWalker walk over
 *   all text nodes of the same page, both measured in the same page, alternating, median of RUNS
 *   each. Target ≤ 3: the reader should cost no more than a few passes over the page's text.
 * - `content-script-kb`: the size of the built, minified content script (.output/chrome-mv3/
 *   content-scripts/content.js, built first when missing), in KB; target ≤ 40.
 *
 * The reader is bundled for the page with esbuild (the same source the content script bundles).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, INSTALL_HINT } from '../scripts/browser';
import { readerBundle } from '../scripts/reader-bundle';
import { generatedLicensesPage } from './licenses-page';
import { atMost, type BenchResult, median } from './result';

const ROOT = resolve(import.meta.dirname, '..');
const SETS = 5000;
const TRACKS = 20;
const RUNS = 9;
const CONTENT_SCRIPT = resolve(ROOT, '.output/chrome-mv3/content-scripts/content.js');

interface Timings {
  walk: number[];
  read: number[];
  sets: number;
  complete: boolean;
}

/** Runs in the page: alternates one text walk and one read, RUNS times, after a warm-up. */
const MEASURE = `(runs) => {
  const walk = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
    return chars;
  };
  const read = () => letrsReader.readLicensesPage(document);
  walk(); read(); walk(); read();
  const timings = { walk: [], read: [], sets: 0, complete: false };
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    walk();
    timings.walk.push(performance.now() - start);
    start = performance.now();
    const result = read();
    timings.read.push(performance.now() - start);
    timings.sets = result.sets.length;
    timings.complete = result.complete;
  }
  return timings;
}`;

async function readTimings(): Promise<Timings> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(generatedLicensesPage(SETS, TRACKS, '2026-03-15'));
    await page.addScriptTag({ content: await readerBundle({ minify: true }) });
    return (await page.evaluate(`(${MEASURE})(${RUNS})`)) as Timings;
  } finally {
    await browser.close();
  }
}

function contentScriptKb(): BenchResult {
  if (!existsSync(CONTENT_SCRIPT)) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const kb = statSync(CONTENT_SCRIPT).size / 1024;
  return atMost('content-script-kb', kb, 'KB', 40, 'minified .output/chrome-mv3/content-scripts/content.js');
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  const timings = await readTimings();
  const read = median(timings.read);
  const walk = median(timings.walk);
  const found = `${timings.sets} sets found${timings.complete ? '' : ', read incomplete'}`;
  return [
    atMost('read-5000-sets-chromium', read, 'ms', 100, `median of ${RUNS} reads; ${found}`),
    atMost(
      'read-vs-text-walk-chromium',
      read / walk,
      'ratio',
      3,
      `median read ${read.toFixed(1)} ms / median text walk ${walk.toFixed(1)} ms, same page`,
    ),
    contentScriptKb(),
  ];
}

/**
 * `overlay-5000-rows-chromium`: the milliseconds the overlay adds to a Manage Licenses page with
 * 5,000 license sets, in Debian's Chromium.
 *
 * How: the overlay module (components/overlay/overlay.ts, as the content script bundles it) is
 * built for the page with Vite's build API (minified IIFE). A generated page with 5,000 set rows
 * in 10 tracks is loaded, the sets and their row elements are handed to `createOverlay().update()`
 * as the reader would, and the time from the call until the page has done its style and layout
 * with the 5,000 chips and the bar in place (a forced synchronous layout) is measured. Each run
 * uses a fresh page; the figure is the median of RUNS runs. The median of an unchanged second
 * update (what every later read of the page costs) is given in the note.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { addDays, localToday } from '../lib/dates';
import type { LicenseSet } from '../lib/license';
import { CHROMIUM, INSTALL_HINT } from '../scripts/browser';
import { atMost, type BenchResult, median } from './result';

const ROWS = 5000;
const RUNS = 7;
const ROOT = resolve(import.meta.dirname, '..');

/** The overlay module as one script for the page, exposing `letrsOverlay.createOverlay`. */
async function overlayBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, 'components/overlay/overlay.ts'),
        name: 'letrsOverlay',
        formats: ['iife'],
        fileName: () => 'overlay.js',
      },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const result of outputs) {
    if ('output' in result) {
      const chunk = result.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('Vite built no overlay chunk');
}

/** 5,000 sets in 10 tracks, a mix of upcoming, active (many expiring soon) and expired, in page order. */
export function generatedSets(count: number, today: string): LicenseSet[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 4;
    const start = kind === 0 ? addDays(today, 5 + (i % 200)) : addDays(today, -300 - (i % 200));
    const end = kind === 3 ? addDays(today, -1 - (i % 300)) : addDays(start, 365);
    return {
      id: `ls-${i}`,
      organization: 'Springfield Public Schools',
      track: `LETRS Track ${i % 10}`,
      name: `LETRS Units 1-4 Cohort ${i}`,
      licenses: 50 + (i % 40),
      assigned: kind === 3 ? null : 20 + (i % 60),
      completed: kind === 3 ? 10 + (i % 20) : null,
      startDate: start,
      endDate: end,
      pageStatus: kind === 0 ? 'upcoming' : kind === 3 ? 'expired' : 'active',
      pageWarning: false,
    } satisfies LicenseSet;
  }).sort((a, b) => a.track.localeCompare(b.track));
}

/** A page shaped like the sample: a heading, then one section per track with its set rows. */
function generatedPage(sets: LicenseSet[]): string {
  const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const tracks = new Map<string, LicenseSet[]>();
  for (const set of sets) tracks.set(set.track, [...(tracks.get(set.track) ?? []), set]);
  const sections = [...tracks].map(
    ([track, rows]) =>
      `<section><h2>${text(track)}</h2>${rows
        .map(
          (s) =>
            `<div class="row" data-license-set-id="${s.id}"><div><div class="name"><a href="/manage/licenses/${s.id}">${text(s.name)}</a></div>` +
            `<div class="dates">${s.startDate} – ${s.endDate}</div></div><div class="count"><b>${s.licenses}</b> licenses</div></div>`,
        )
        .join('')}</section>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>Manage Licenses</title><style>
    body { font: 15px Arial, sans-serif; margin: 0 24px; }
    .row { display: flex; justify-content: space-between; border-top: 1px solid #ddd; padding: 8px 0; }
    .name { font-weight: 600; } .dates { font-size: 13px; color: #555; }
  </style></head><body><main><h1>Manage Licenses</h1>${sections.join('')}</main></body></html>`;
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  const today = localToday();
  const sets = generatedSets(ROWS, today);
  const html = generatedPage(sets);
  const script = await overlayBundle();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const first: number[] = [];
  const again: number[] = [];
  const shown: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.setContent(html);
      // tsx compiles this file with keepNames, which wraps the functions passed to evaluate in __name().
      await page.addScriptTag({ content: `globalThis.__name = (f) => f;\n${script}` });
      const times = await page.evaluate(
        async ({ sets, today }) => {
          const api = (globalThis as unknown as { letrsOverlay: typeof import('../components/overlay/overlay') })
            .letrsOverlay;
          const rows = sets.map((set) => ({
            set,
            element: document.querySelector(`[data-license-set-id="${set.id}"]`) as Element,
          }));
          const read = { isLicensesPage: true, complete: true, organization: null, tracks: [], sets, diagnostics: [] };
          const overlay = api.createOverlay(document, {
            collapsed: false,
            requestCsv: () => Promise.reject(new Error('not in the bench')),
            saveCollapsed: async () => {},
          });
          // Let the page finish its own first layout and paint before timing.
          for (let frame = 0; frame < 3; frame++) await new Promise((done) => requestAnimationFrame(done));
          await new Promise((done) => setTimeout(done, 100));
          const update = async () => {
            const start = performance.now();
            overlay.update({ read, rows, warningWindow: 30, lastSyncAt: new Date().toISOString(), today });
            document.body.getBoundingClientRect();
            return performance.now() - start;
          };
          const firstMs = await update();
          const chips = document.querySelectorAll('letrs-tracker-chip').length;
          const againMs = await update();
          // Scrolling to the end renders the chips of the rows that come near; all of them, over time.
          window.scrollTo(0, document.body.scrollHeight);
          for (let frame = 0; frame < 3; frame++) await new Promise((done) => requestAnimationFrame(done));
          const atEnd = document.querySelectorAll('letrs-tracker-chip').length;
          return { firstMs, againMs, chips, atEnd };
        },
        { sets, today },
      );
      // The rows near the viewport have chips at once; the rows further down get theirs on scroll.
      if (times.chips === 0 || times.atEnd <= times.chips) {
        throw new Error(`chips were not rendered as expected: ${times.chips} at first, ${times.atEnd} at the end`);
      }
      shown.push(times.chips);
      first.push(times.firstMs);
      again.push(times.againMs);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const note =
    `median of ${RUNS} fresh pages: update until the ${median(shown)} rows near the viewport have chips, ` +
    `plus layout; unchanged re-update ${median(again).toFixed(1)} ms`;
  return [atMost('overlay-5000-rows-chromium', median(first), 'ms', 100, note)];
}

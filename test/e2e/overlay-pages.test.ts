/**
 * The overlay in Chromium with the production build, on every licenses page in
 * test/fixtures/pages/: one chip beside each set row saying what lib/license.ts says for today,
 * still exactly one after the app re-renders its rows and after an SPA route change away and
 * back, the page's own layout unmoved beyond the chips and the bar, and nothing on other pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chipModel } from '../../components/overlay/chip-model';
import { KEY_SEPARATOR } from '../../components/overlay/chips';
import { localToday } from '../../lib/dates';
import { DEFAULT_WARNING_WINDOW, type LicenseSet } from '../../lib/license';
import { type ExtensionBrowser, type LetrsServer, launchExtension, startLetrsServer } from '../../scripts/browser';
import { renderRelativeDates, SAMPLE_PAGE_PATH } from '../../scripts/sample-page';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const today = localToday();

interface Fixture {
  name: string;
  path: string;
  html: string;
  isLicensesPage: boolean;
  sets: LicenseSet[];
}

/** Every fixture page with its expected read; the sample at its real path, the others under /fixtures/. */
const fixtures: Fixture[] = readdirSync(PAGES)
  // Each page comes with what the reader must find on it (<name>.expected.json).
  .filter((f) => f.endsWith('.html') && existsSync(resolve(PAGES, f.replace(/\.html$/, '.expected.json'))))
  .map((file) => {
    const name = file.replace(/\.html$/, '');
    const expectedFile = resolve(PAGES, `${name}.expected.json`);
    const expected = JSON.parse(renderRelativeDates(readFileSync(expectedFile, 'utf8'), today)) as {
      isLicensesPage: boolean;
      sets: LicenseSet[];
    };
    return {
      name,
      path: name === 'sample-licenses' ? SAMPLE_PAGE_PATH : `/fixtures/${name}`,
      html: renderRelativeDates(readFileSync(resolve(PAGES, file), 'utf8'), today),
      isLicensesPage: expected.isLicensesPage,
      sets: expected.sets,
    };
  });
const licensesPages = fixtures.filter((f) => f.isLicensesPage && f.sets.length > 0);
const otherPages = fixtures.filter((f) => !f.isLicensesPage);

const PEOPLE_MAIN =
  '<main><h1>People</h1><p>Search for educators.</p><table><tr><th>Name</th><th>License</th></tr>' +
  '<tr><td>Ann Lee</td><td>LETRS Units 1-4 Cohort A (50 licenses)</td></tr></table></main>';

let server: LetrsServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const pages: Record<string, string> = {
    '/manage/people': `<!doctype html><title>People | LETRS</title><body>${PEOPLE_MAIN}</body>`,
  };
  for (const f of fixtures) pages[f.path] = f.html;
  server = await startLetrsServer(pages);
  browser = await launchExtension({ port: server.port });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface ChipInfo {
  key: string;
  parts: string[];
  /** The text of the element the chip is in (the name's line or cell). */
  beside: string;
  hasContent: boolean;
}

/** Every chip host in the page, with what it shows and where it is. */
function chips(page: Page): Promise<ChipInfo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('letrs-tracker-chip')].map((host) => {
      const parts = [...(host.shadowRoot?.querySelectorAll('.part') ?? [])].map((part) =>
        [...part.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(''),
      );
      const beside = host.parentElement?.textContent ?? '';
      return {
        key: host.getAttribute('data-letrs-key') ?? '',
        parts,
        beside: beside.replace(/\s+/g, ' ').trim(),
        hasContent: parts.length > 0,
      };
    }),
  );
}

const hostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-letrs-tracker]').length);

/** The set a chip's key names: [organization, track, "id:…" | "name:…"]. */
function setOf(fixture: Fixture, key: string): LicenseSet | undefined {
  const [, track, who] = key.replace(/#\d+$/, '').split(KEY_SEPARATOR);
  return fixture.sets.find((s) => s.track === track && (who === `id:${s.id}` || (!s.id && who === `name:${s.name}`)));
}

/** Waits until every expected set has its chip, then checks each one against the rules. */
async function expectOneChipPerRow(page: Page, fixture: Fixture): Promise<void> {
  await expect
    .poll(async () => (await chips(page)).filter((c) => c.hasContent).length, { timeout: 20_000 })
    .toBe(fixture.sets.length);
  const found = await chips(page);
  expect(found).toHaveLength(fixture.sets.length);
  const matched = new Set<LicenseSet>();
  for (const chip of found) {
    const set = setOf(fixture, chip.key);
    expect(set, `chip ${chip.key} names a set of ${fixture.name}`).toBeDefined();
    if (!set) continue;
    matched.add(set);
    expect(chip.beside).toContain(set.name.replace(/\s+/g, ' '));
    expect(chip.parts).toEqual(chipModel(set, today, DEFAULT_WARNING_WINDOW).parts.map((p) => p.text));
  }
  expect(matched.size).toBe(fixture.sets.length);
  expect(await page.evaluate(() => document.querySelectorAll('letrs-tracker-bar').length)).toBe(1);
}

describe.each(licensesPages.map((f) => [f.name, f] as const))('on %s', (_name, fixture) => {
  it('shows one chip beside each set row and the bar, then keeps one per row after a re-render and a route change', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://district.letrs.com${fixture.path}`);
    await expectOneChipPerRow(page, fixture);

    // The app renders the whole content again: new elements, none of the overlay's.
    await page.evaluate(() => {
      const content = document.querySelector('main') ?? document.body;
      const copy = content.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('[data-letrs-tracker]')) host.remove();
      content.replaceWith(copy);
    });
    await expectOneChipPerRow(page, fixture);

    // The app re-renders its rows copying them whole (the chip hosts come along, empty).
    await page.evaluate(() => {
      const content = document.querySelector('main') ?? document.body;
      content.replaceWith(content.cloneNode(true));
    });
    await expectOneChipPerRow(page, fixture);

    // SPA route change to People and back.
    await page.evaluate((people) => {
      const content = document.querySelector('main') ?? document.body;
      (window as unknown as { licensesContent: Element }).licensesContent = content;
      history.pushState({}, '', '/manage/people');
      const template = document.createElement('template');
      template.innerHTML = people;
      content.replaceWith(template.content);
    }, PEOPLE_MAIN);
    await expect.poll(() => hostCount(page), { timeout: 20_000 }).toBe(0);
    // The overlay took its elements out of the licenses content too (kept aside by the app).
    const leftInLicenses = () =>
      page.evaluate(
        () =>
          (window as unknown as { licensesContent: Element }).licensesContent.querySelectorAll('[data-letrs-tracker]')
            .length,
      );
    await expect.poll(leftInLicenses, { timeout: 20_000 }).toBe(0);
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      const main = document.querySelector('main') ?? document.body;
      main.replaceWith((window as unknown as { licensesContent: Element }).licensesContent);
    }, fixture.path);
    await expectOneChipPerRow(page, fixture);
    await page.close();
  });
});

it('the sample page moves only by the inserted chips and the bar', async () => {
  const page = await browser.context.newPage();
  await page.goto(`https://district.letrs.com${SAMPLE_PAGE_PATH}`);
  await expect.poll(() => page.locator('letrs-tracker-chip').count(), { timeout: 20_000 }).toBe(8);
  const boxes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-license-set-id]')].map((row) => {
        const box = (el: Element | null) => {
          const r = el?.getBoundingClientRect();
          return r ? { x: r.x, y: r.y + scrollY, width: r.width, height: r.height } : null;
        };
        return { row: box(row), name: box(row.querySelector('a')), count: box(row.lastElementChild) };
      }),
    );
  const withOverlay = await boxes();
  const barHeight = await page.evaluate(() => {
    const bar = document.querySelector('letrs-tracker-bar')!;
    const style = getComputedStyle(bar);
    return (
      bar.getBoundingClientRect().height + Number.parseFloat(style.marginTop) + Number.parseFloat(style.marginBottom)
    );
  });
  expect(barHeight).toBeGreaterThan(0);
  expect(barHeight).toBeLessThan(120);
  await page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-letrs-tracker]')) host.remove();
  });
  const without = await boxes();
  expect(withOverlay).toHaveLength(without.length);
  // Everything below the bar moves down by the same amount: the bar (its margins collapse with the heading's).
  const shift = withOverlay[0].row!.y - without[0].row!.y;
  expect(shift).toBeGreaterThan(0);
  expect(shift).toBeLessThanOrEqual(barHeight + 1);
  for (const [i, before] of without.entries()) {
    const after = withOverlay[i];
    for (const part of ['row', 'name', 'count'] as const) {
      const a = after[part]!;
      const b = before[part]!;
      // Same size and column; lower by the bar's shift (within a pixel).
      expect(Math.abs(a.x - b.x)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(a.width - b.width)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(a.height - b.height)).toBeLessThanOrEqual(1);
      expect(Math.abs(a.y - b.y - shift)).toBeLessThanOrEqual(1);
    }
  }
  await page.close();
});

it('the bar and chips are reachable by keyboard and name themselves', async () => {
  const page = await browser.context.newPage();
  await page.goto(`https://district.letrs.com${SAMPLE_PAGE_PATH}`);
  await expect.poll(() => page.locator('letrs-tracker-chip').count(), { timeout: 20_000 }).toBe(8);
  const bar = page.getByRole('region', { name: 'LETRS License Tracker' });
  await expect.poll(() => bar.getByRole('status').first().textContent()).toMatch(/3 sets end within 30 days/);
  const exportButton = bar.getByRole('button', { name: 'Export CSV' });
  await exportButton.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe(`letrs-licenses-${today}.csv`);
  const toggle = bar.getByRole('button', { name: 'Hide details' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  expect(await bar.getByRole('button', { name: 'Show details' }).getAttribute('aria-expanded')).toBe('false');
  // Remembered: a new visit starts collapsed.
  await page.reload();
  await expect.poll(() => page.getByRole('button', { name: 'Show details' }).count(), { timeout: 20_000 }).toBe(1);
  await page.getByRole('button', { name: 'Show details' }).click();
  await page.close();
});

describe('other pages', () => {
  it.each([...otherPages.map((f) => f.path), '/manage/people'].map((p) => [p]))('%s gets no overlay', async (path) => {
    const page = await browser.context.newPage();
    await page.goto(`https://district.letrs.com${path}`);
    // The licenses page gets its overlay within a second or two; give this page longer.
    await page.waitForTimeout(2500);
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });
});

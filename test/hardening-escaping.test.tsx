// @vitest-environment happy-dom
/**
 * Set names that are markup or spreadsheet formulas stay text everywhere the extension shows or
 * writes them: the popup (component), the overlay's chips on the page, the CSV (formulas
 * neutralised with a leading apostrophe) and the .ics (text escaped per RFC 5545).
 */
import { cleanup, render, screen } from '@testing-library/preact';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHIP_TAG, ChipLayer } from '../components/overlay/chips';
import type { PopupActions } from '../components/popup/actions';
import { Popup } from '../components/popup/Popup';
import { BOM, CSV_COLUMNS, toCsv } from '../lib/csv';
import { toIcs } from '../lib/ics';
import { popupModel } from '../lib/popup-model';
import { readLicensesPageWithRows } from '../lib/reader/index';
import { loadSample } from './overlay-fixture';
import { at, popupData, sampleCache, TODAY } from './popup-fixture';

const MARKUP = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("x")';

afterEach(cleanup);

/** The sample cache with two sets renamed (both active and ending within 30 days, so shown everywhere). */
function hostileSets() {
  const sets = sampleCache();
  const [a, b] = sets.filter((s) => s.expiringSoon);
  return sets.map((s) => (s === a ? { ...s, name: MARKUP } : s === b ? { ...s, name: FORMULA } : s));
}

describe('names that are markup or formulas', () => {
  it('are text in the popup', () => {
    const actions: PopupActions = {
      openLicensesPage: vi.fn(),
      openOptions: vi.fn(),
      download: vi.fn(),
      exportCsv: vi.fn(),
      exportIcs: vi.fn(),
    };
    const { container } = render(
      <Popup
        state={{ kind: 'ready', model: popupModel(popupData(hostileSets()), TODAY) }}
        actions={actions}
        now={at(TODAY, 15, 30)}
        onRetry={vi.fn()}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(MARKUP).length).toBeGreaterThan(0);
    expect(screen.getAllByText(FORMULA).length).toBeGreaterThan(0);
  });

  it('are text on the page with the overlay’s chips, which add no element from a name', () => {
    loadSample();
    // The page shows the names as text (escaped in its HTML), as Lexia's page would.
    const links = [...document.querySelectorAll('a[href^="/manage/licenses/ls-"]')];
    links[1].textContent = MARKUP;
    links[2].textContent = FORMULA;
    const { read, rows } = readLicensesPageWithRows(document);
    expect(read.sets.map((s) => s.name)).toEqual(expect.arrayContaining([MARKUP, FORMULA]));
    new ChipLayer(document).sync(rows, TODAY, 30);
    expect(document.querySelectorAll(CHIP_TAG)).toHaveLength(8);
    expect(document.querySelector('img')).toBeNull();
    for (const host of document.querySelectorAll(CHIP_TAG)) {
      expect(host.shadowRoot?.querySelector('img')).toBeFalsy();
      expect(host.shadowRoot?.innerHTML ?? '').not.toContain('<img');
    }
    expect(links[1].textContent).toBe(MARKUP);
    expect(links[1].nextElementSibling?.tagName.toLowerCase()).toBe(CHIP_TAG);
  });

  it('are neutralised in the CSV', () => {
    const csv = toCsv(hostileSets(), TODAY);
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    const name = CSV_COLUMNS.indexOf('License set');
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const names = rows.slice(1).map((r) => r[name]);
    expect(names).toContain(`'${FORMULA}`);
    expect(names).not.toContain(FORMULA);
    expect(names).toContain(MARKUP);
    // No cell of the file starts with a formula character.
    expect(
      rows
        .slice(1)
        .flat()
        .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell)),
    ).toEqual([]);
  });

  it('are escaped text in the .ics', () => {
    const ics = toIcs(hostileSets(), TODAY, { now: at(TODAY) });
    const summaries = ics.split('\r\n').filter((line) => line.startsWith('SUMMARY:'));
    expect(summaries.some((l) => l.includes(MARKUP))).toBe(true);
    // RFC 5545 text: the formula's quotes stay, nothing breaks out of the SUMMARY line.
    expect(summaries.some((l) => l.includes('=HYPERLINK("x")'))).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(ics.match(/END:VEVENT/g)?.length);
  });
});

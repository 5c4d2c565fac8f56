// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BAR_TAG } from '../components/overlay/bar';
import { CHIP_TAG } from '../components/overlay/chips';
import { createOverlay, type OverlayOptions } from '../components/overlay/overlay';
import { HOST_ATTRIBUTE } from '../components/overlay/shadow';
import { loadSample, sampleRead, sampleRows, TODAY } from './overlay-fixture';

const NOW = new Date(2026, 11, 3, 9, 30);

function options(overrides: Partial<OverlayOptions> = {}): OverlayOptions & { saved: boolean[] } {
  const saved: boolean[] = [];
  return {
    collapsed: false,
    requestCsv: async () => ({ filename: 'letrs-licenses-2026-12-03.csv', csv: 'cached,csv\r\n' }),
    saveCollapsed: async (value) => {
      saved.push(value);
    },
    saved,
    ...overrides,
  };
}

const bar = () => document.querySelector(BAR_TAG);
const shadow = () => bar()!.shadowRoot!;
const button = (name: string) =>
  [...shadow().querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const flush = () => new Promise((done) => setTimeout(done, 0));

/** Captures what the overlay downloads: the Blob behind each object URL and the link's file name. */
function captureDownloads() {
  const files: { name: string; text: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, text: blobs.get(this.href)!.text() });
  });
  return files;
}

beforeEach(() => loadSample());
afterEach(() => vi.restoreAllMocks());

describe('summary bar', () => {
  it('sits right before the main heading and announces the totals', () => {
    const overlay = createOverlay(document, options());
    overlay.update({
      read: sampleRead(),
      rows: sampleRows(),
      warningWindow: 30,
      lastSyncAt: NOW.toISOString(),
      today: TODAY,
      now: NOW,
    });
    expect(bar()?.nextElementSibling?.tagName).toBe('H1');
    expect(bar()?.getAttribute(HOST_ATTRIBUTE)).toBe('bar');
    const status = shadow().querySelector('[role="status"]')!;
    const texts = (selector: string) => [...status.querySelectorAll(selector)].map((e) => e.textContent);
    expect(texts('.long')).toEqual(['3 sets end within 30 days', '19 unassigned licenses at risk']);
    // The collapsed bar shows the short wording instead (styles swap which one is displayed).
    expect(texts('.short')).toEqual(['3 ending soon', '19 at risk']);
    expect(shadow().querySelector('.saved')?.textContent).toBe('Last saved today at 9:30 AM');
    expect(shadow().querySelector('section')?.getAttribute('aria-label')).toBe('LETRS License Tracker');
    expect(button('Export CSV').hidden).toBe(false);
    expect(button('Copy details').hidden).toBe(true);
  });

  it('updating twice keeps one bar and one chip per row', () => {
    const overlay = createOverlay(document, options());
    const update = { read: sampleRead(), rows: sampleRows(), today: TODAY, now: NOW };
    overlay.update(update);
    const first = bar();
    overlay.update(update);
    expect(document.querySelectorAll(BAR_TAG)).toHaveLength(1);
    expect(bar()).toBe(first);
    expect(document.querySelectorAll(CHIP_TAG)).toHaveLength(8);
  });

  it('removes empty copies of the bar the page made when it copied its content', () => {
    const overlay = createOverlay(document, options());
    overlay.update({ read: sampleRead(), rows: sampleRows(), today: TODAY, now: NOW });
    const main = document.querySelector('main')!;
    main.replaceWith(main.cloneNode(true));
    expect(document.querySelectorAll(BAR_TAG)).toHaveLength(1);
    expect(bar()?.shadowRoot).toBeNull();
    overlay.update({ read: sampleRead(), rows: sampleRows(), today: TODAY, now: NOW });
    expect(document.querySelectorAll(BAR_TAG)).toHaveLength(1);
    expect(bar()?.shadowRoot).not.toBeNull();
    expect(document.querySelectorAll(CHIP_TAG)).toHaveLength(8);
  });

  it('collapses, says so to assistive technology and remembers it', async () => {
    const opts = options();
    createOverlay(document, opts).update({ read: sampleRead(), rows: sampleRows(), today: TODAY, now: NOW });
    const toggle = button('Hide details');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await flush();
    expect(toggle.textContent).toBe('Show details');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(shadow().querySelector('section')?.classList.contains('collapsed')).toBe(true);
    expect(opts.saved).toEqual([true]);
    toggle.click();
    expect(opts.saved).toEqual([true, false]);
  });

  it('starts collapsed when that was remembered', () => {
    createOverlay(document, options({ collapsed: true })).update({ read: sampleRead(), rows: sampleRows() });
    expect(button('Show details').getAttribute('aria-expanded')).toBe('false');
  });

  it('exports the saved data from the background', async () => {
    const files = captureDownloads();
    createOverlay(document, options()).update({ read: sampleRead(), rows: sampleRows(), today: TODAY, now: NOW });
    button('Export CSV').click();
    await flush();
    expect(files.map((f) => f.name)).toEqual(['letrs-licenses-2026-12-03.csv']);
    expect(await files[0].text).toBe('cached,csv\r\n');
    expect(shadow().querySelector('.notice')?.textContent).toMatch(/Downloaded letrs-licenses-2026-12-03.csv/);
  });

  it('says why and what to do when the background cannot export', async () => {
    const files = captureDownloads();
    const opts = options({ requestCsv: () => Promise.reject(new Error('the extension did not answer')) });
    createOverlay(document, opts).update({
      read: sampleRead(),
      rows: sampleRows(),
      warningWindow: 30,
      today: TODAY,
      now: NOW,
    });
    button('Export CSV').click();
    await flush();
    await flush();
    expect(files).toEqual([]);
    const notice = shadow().querySelector('.notice')!;
    expect(notice.textContent).toBe(
      'The CSV could not be made (the extension did not answer). Reload this page, or use Export CSV in the toolbar popup.',
    );
    expect(notice.classList.contains('error')).toBe(true);
    expect(button('Export CSV').disabled).toBe(false);
  });
});

describe('when the rows could not be read', () => {
  const unreadable = () =>
    sampleRead({
      sets: [],
      complete: false,
      diagnostics: [{ level: 'error', message: 'Found the Manage Licenses heading but no license rows' }],
    });

  it('says so plainly and copies the details', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    createOverlay(document, options()).update({ read: unreadable(), rows: [], today: TODAY, now: NOW });
    expect(shadow().querySelector('[role="status"]')?.textContent).toMatch(
      /License sets not read.*could not read any license sets/,
    );
    expect(button('Export CSV').hidden).toBe(true);
    button('Copy details').click();
    await flush();
    expect(writeText).toHaveBeenCalledOnce();
    expect(writeText.mock.calls[0][0]).toContain('- [error] Found the Manage Licenses heading but no license rows');
    expect(shadow().querySelector('.notice')?.textContent).toBe('Details copied. Paste them into your report.');
    expect(document.querySelectorAll(CHIP_TAG)).toHaveLength(0);
  });

  it('shows the details to copy by hand when the browser refuses the clipboard', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    createOverlay(document, options()).update({ read: unreadable(), rows: [], today: TODAY, now: NOW });
    button('Copy details').click();
    await flush();
    const area = shadow().querySelector('textarea')!;
    expect(area.value).toContain('License sets read: 0');
    expect(area.readOnly).toBe(true);
    expect(shadow().querySelector('.notice')?.textContent).toMatch(/did not allow copying/);
  });
});

describe('leaving the page', () => {
  it('remove() and a read that is not the licenses page take everything out', () => {
    const overlay = createOverlay(document, options());
    overlay.update({ read: sampleRead(), rows: sampleRows() });
    overlay.remove();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
    overlay.update({ read: sampleRead(), rows: sampleRows() });
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(9);
    overlay.update({ read: sampleRead({ isLicensesPage: false, sets: [] }), rows: [] });
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('goes at the top of the content when the page has no heading', () => {
    document.body.innerHTML = '<main><p>Licenses</p></main>';
    createOverlay(document, options()).update({ read: sampleRead(), rows: [] });
    expect(document.querySelector('main')?.firstElementChild?.tagName.toLowerCase()).toBe(BAR_TAG);
  });
});

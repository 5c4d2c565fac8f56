// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chipModel } from '../components/overlay/chip-model';
import { CHIP_TAG, ChipLayer, EAGER_ROWS, nearRows, placementFor, rowKey } from '../components/overlay/chips';
import { HOST_ATTRIBUTE } from '../components/overlay/shadow';
import { chipText, loadSample, sampleRows, TODAY } from './overlay-fixture';

const hosts = () => [...document.querySelectorAll(CHIP_TAG)];

/** The page without the overlay: every chip host taken out of a copy. */
function pageWithoutOverlay(): string {
  const copy = document.body.cloneNode(true) as HTMLElement;
  for (const host of copy.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
  return copy.innerHTML;
}

beforeEach(() => loadSample());

describe('placement', () => {
  it('puts exactly one chip right after each set name, saying what the rules say', () => {
    const rows = sampleRows();
    new ChipLayer(document).sync(rows, TODAY, 30);
    expect(hosts()).toHaveLength(rows.length);
    for (const row of rows) {
      const inRow = row.element.querySelectorAll(CHIP_TAG);
      expect(inRow).toHaveLength(1);
      const host = inRow[0];
      expect(host.getAttribute(HOST_ATTRIBUTE)).toBe('chip');
      expect(host.getAttribute('data-letrs-key')).toBe(rowKey(row.set));
      const link = host.previousElementSibling;
      expect(link?.tagName).toBe('A');
      expect(link?.textContent).toBe(row.set.name);
      const expected = chipModel(row.set, TODAY, 30).parts.map((p) => p.text);
      expect(chipText(host)).toBe(expected.join(' | '));
    }
  });

  it('shows the sample sets as the rules say for the day', () => {
    const rows = sampleRows();
    new ChipLayer(document).sync(rows, TODAY, 30);
    const byId = (id: string) => chipText(document.querySelector(`[data-license-set-id="${id}"] ${CHIP_TAG}`)!);
    expect(byId('ls-2041')).toBe('Starts in 20 days');
    expect(byId('ls-1870')).toBe('Ends in 12 days | 12 unassigned');
    expect(byId('ls-1871')).toBe('Ends in 25 days');
    expect(byId('ls-1777')).toBe('Ends in 5 days | 7 unassigned');
    expect(byId('ls-1544')).toBe('Ended 100 days ago');
    expect(byId('ls-1902')).toBe('Ends in 300 days');
  });

  it('changes nothing of the page but the inserted chips', () => {
    const before = document.body.innerHTML;
    new ChipLayer(document).sync(sampleRows(), TODAY, 30);
    expect(pageWithoutOverlay()).toBe(before);
  });

  it('goes right after the name text in a block, after a bare text name, and after the first text when no name is found', () => {
    document.body.innerHTML = `
      <div id="r1"><div class="name">Cohort  Block</div><div>Ends Dec 20, 2026</div></div>
      <div id="r2">Cohort Bare <span>50 licenses</span></div>
      <div id="r3"><a href="#">Split <b>Name</b> Here</a></div>
      <div id="r4"><span>Something else</span></div>
      <div id="r5"><svg><title>icon</title></svg></div>`;
    const set = (name: string) => chipSet(name);
    const r = (id: string) => document.getElementById(id)!;
    const p1 = placementFor({ set: set('Cohort Block'), element: r('r1') });
    expect(p1).toEqual({ anchor: r('r1').querySelector('.name')?.firstChild, mode: 'after' });
    const p2 = placementFor({ set: set('Cohort Bare'), element: r('r2') });
    expect(p2).toEqual({ anchor: r('r2').firstChild, mode: 'after' });
    const p3 = placementFor({ set: set('Split Name Here'), element: r('r3') });
    expect(p3).toEqual({ anchor: r('r3').querySelector('a'), mode: 'after' });
    const p4 = placementFor({ set: set('Missing'), element: r('r4') });
    expect(p4).toEqual({ anchor: r('r4').querySelector('span')?.firstChild, mode: 'after' });
    expect(placementFor({ set: set('Missing'), element: r('r5') })).toEqual({ anchor: r('r5'), mode: 'inside' });
    const named = r('r4').querySelector('span')!;
    expect(placementFor({ set: set('Missing'), element: r('r4'), nameElement: named })).toEqual({
      anchor: named,
      mode: 'after',
    });
  });
});

function chipSet(name: string) {
  return {
    track: 'LETRS',
    name,
    licenses: 10,
    assigned: 5,
    completed: null,
    startDate: '2026-01-01',
    endDate: '2026-12-20',
    pageStatus: 'active' as const,
    pageWarning: false,
  };
}

describe('idempotency and re-renders', () => {
  it('a second update with the same rows changes nothing in the document', async () => {
    const layer = new ChipLayer(document);
    layer.sync(sampleRows(), TODAY, 30);
    const first = hosts();
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    layer.sync(sampleRows(), TODAY, 30);
    layer.sync(sampleRows(), TODAY, 30);
    await new Promise((done) => setTimeout(done, 0));
    observer.disconnect();
    expect(records).toHaveLength(0);
    expect(hosts()).toEqual(first);
  });

  it('updates a chip in place when the set changes', () => {
    const layer = new ChipLayer(document);
    const rows = sampleRows();
    layer.sync(rows, TODAY, 30);
    const host = rows[1].element.querySelector(CHIP_TAG)!;
    layer.sync(rows, '2026-12-10', 30);
    expect(rows[1].element.querySelector(CHIP_TAG)).toBe(host);
    expect(chipText(host)).toBe('Ends in 5 days | 12 unassigned');
  });

  it('follows rows the page rebuilt from scratch, leaving no orphans', () => {
    const layer = new ChipLayer(document);
    layer.sync(sampleRows(), TODAY, 30);
    // The app renders every row again: new elements, same content, no chips.
    for (const row of document.querySelectorAll('[data-license-set-id]')) {
      const fresh = row.cloneNode(true) as Element;
      for (const host of fresh.querySelectorAll(CHIP_TAG)) host.remove();
      row.replaceWith(fresh);
    }
    expect(hosts()).toHaveLength(0);
    const rows = sampleRows();
    layer.sync(rows, TODAY, 30);
    expect(hosts()).toHaveLength(rows.length);
    for (const row of rows) expect(row.element.querySelectorAll(CHIP_TAG)).toHaveLength(1);
  });

  it('removes the empty copies of chips the page cloned along with its rows', () => {
    const layer = new ChipLayer(document);
    layer.sync(sampleRows(), TODAY, 30);
    for (const row of document.querySelectorAll('[data-license-set-id]')) row.replaceWith(row.cloneNode(true));
    expect(hosts()).toHaveLength(8);
    expect(hosts().every((h) => h.shadowRoot === null)).toBe(true);
    const rows = sampleRows();
    layer.sync(rows, TODAY, 30);
    expect(hosts()).toHaveLength(rows.length);
    for (const row of rows) {
      const inRow = row.element.querySelectorAll(CHIP_TAG);
      expect(inRow).toHaveLength(1);
      expect(chipText(inRow[0])).not.toBe('');
    }
  });

  it('moves a chip back beside its name when the page moved it away', () => {
    const layer = new ChipLayer(document);
    const rows = sampleRows();
    layer.sync(rows, TODAY, 30);
    const host = rows[0].element.querySelector(CHIP_TAG)!;
    document.body.append(host);
    layer.sync(rows, TODAY, 30);
    expect(host.previousElementSibling?.textContent).toBe(rows[0].set.name);
    expect(hosts()).toHaveLength(rows.length);
  });

  it('removes the chips of rows that are gone and keeps one per repeated set', () => {
    const layer = new ChipLayer(document);
    const rows = sampleRows();
    layer.sync(rows, TODAY, 30);
    layer.sync(rows.slice(0, 3), TODAY, 30);
    expect(hosts()).toHaveLength(3);
    for (const row of rows.slice(3)) expect(row.element.querySelector(CHIP_TAG)).toBeNull();
    // Two rows showing the same set (same key) each keep their own chip.
    const twin = { set: rows[0].set, element: rows[1].element };
    layer.sync([rows[0], twin], TODAY, 30);
    expect(hosts()).toHaveLength(2);
    expect(new Set(hosts().map((h) => h.getAttribute('data-letrs-key'))).size).toBe(2);
  });

  it('remove() takes every chip out', () => {
    const layer = new ChipLayer(document);
    layer.sync(sampleRows(), TODAY, 30);
    layer.remove();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
  });
});

describe('isolation', () => {
  it('renders set text as text and styles inside the shadow root only', () => {
    document.body.innerHTML = '<div id="r"><a href="#">x</a></div>';
    const styles = document.querySelectorAll('style').length;
    const set = { ...chipSet('x'), pageStatus: 'upcoming' as const, startDate: '2026-11-15' };
    new ChipLayer(document).sync([{ set, element: document.getElementById('r')! }], TODAY, 30);
    const host = document.querySelector(CHIP_TAG)!;
    expect(host.shadowRoot?.mode).toBe('open');
    expect(document.querySelectorAll('style')).toHaveLength(styles);
    expect(chipText(host)).toBe('Ends in 17 days | 5 unassigned | shown as Upcoming, started Nov 15');
    expect(host.shadowRoot?.querySelector('.chip')?.getAttribute('title')).toBe(
      'LETRS License Tracker: Ends in 17 days; 5 unassigned licenses at risk; shown as Upcoming, started Nov 15',
    );
  });
});

describe('long pages', () => {
  /** `count` rows 40px tall, laid out from the top of the page, scrolled by `scroll.y`. */
  function longPage(count: number) {
    const scroll = { y: 0 };
    document.body.replaceChildren();
    const rows = Array.from({ length: count }, (_, i) => {
      const element = document.createElement('div');
      const link = document.createElement('a');
      link.textContent = `Cohort ${i}`;
      element.append(link);
      document.body.append(element);
      element.getBoundingClientRect = () => {
        const top = i * 40 - scroll.y;
        return { top, bottom: top + 40, left: 0, right: 800, width: 800, height: 40, x: 0, y: top } as DOMRect;
      };
      return { set: { ...chipSet(`Cohort ${i}`), id: `ls-${i}` }, element };
    });
    return { rows, scroll };
  }
  const chipped = () => hosts().map((h) => h.previousElementSibling?.textContent);

  it('nearRows finds the rows within a viewport height of the screen with a few reads', () => {
    const { rows, scroll } = longPage(5000);
    const reads = vi.fn();
    for (const row of rows) {
      const read = row.element.getBoundingClientRect;
      row.element.getBoundingClientRect = () => {
        reads();
        return read();
      };
    }
    const elements = rows.map((r) => r.element);
    expect(nearRows(elements, 800)).toEqual(Array.from({ length: 41 }, (_, i) => i));
    scroll.y = 100_000;
    reads.mockClear();
    const near = nearRows(elements, 800);
    expect(near[0]).toBe(2479);
    expect(near.at(-1)).toBe(2540);
    expect(reads.mock.calls.length).toBeLessThan(100);
  });

  it('nearRows skips hidden rows', () => {
    const { rows } = longPage(10);
    rows[1].element.getBoundingClientRect = () => ({ top: 0, bottom: 0, width: 0, height: 0 }) as DOMRect;
    expect(
      nearRows(
        rows.map((r) => r.element),
        800,
      ),
    ).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it(`gives chips at once to pages up to ${EAGER_ROWS} rows, and to the rows near the screen beyond`, async () => {
    const small = longPage(EAGER_ROWS);
    new ChipLayer(document).sync(small.rows, TODAY, 30);
    expect(hosts()).toHaveLength(EAGER_ROWS);

    const { rows, scroll } = longPage(2000);
    const layer = new ChipLayer(document);
    const height = window.innerHeight;
    layer.sync(rows, TODAY, 30);
    const first = Math.floor((2 * height) / 40) + 1;
    expect(chipped()).toEqual(rows.slice(0, first).map((r) => r.set.name));

    // Scrolling renders the rows coming near and keeps the ones already there.
    scroll.y = 20_000;
    document.dispatchEvent(new Event('scroll'));
    await new Promise((done) => setTimeout(done, 50));
    const names = chipped();
    expect(names).toContain('Cohort 500');
    expect(names).toContain('Cohort 0');
    expect(new Set(names).size).toBe(names.length);
    // A new read of the same rows keeps every chip and adds none twice.
    layer.sync(rows, TODAY, 30);
    expect(chipped()).toEqual(names);

    layer.remove();
    expect(hosts()).toHaveLength(0);
    scroll.y = 40_000;
    document.dispatchEvent(new Event('scroll'));
    await new Promise((done) => setTimeout(done, 50));
    expect(hosts()).toHaveLength(0);
  });
});

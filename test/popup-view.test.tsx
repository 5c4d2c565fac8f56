// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopupActions, PopupState } from '../components/popup/actions';
import { Popup } from '../components/popup/Popup';
import { addDays } from '../lib/dates';
import { MAX_LISTED, type PopupData, popupModel } from '../lib/popup-model';
import { summarize } from '../lib/summary';
import { at, cached, manySets, ORG, PAGE_URL, popupData, sampleCache, TODAY } from './popup-fixture';

afterEach(cleanup);

function actions(overrides: Partial<PopupActions> = {}): PopupActions {
  return {
    openLicensesPage: vi.fn(),
    openOptions: vi.fn(),
    download: vi.fn(),
    exportCsv: vi.fn(async () => ({ filename: 'x.csv', type: 'text/csv', content: 'x' })),
    exportIcs: vi.fn(async () => ({ filename: 'x.ics', type: 'text/calendar', content: 'x' })),
    ...overrides,
  };
}

function show(state: PopupState, acts = actions(), now = at(TODAY, 15, 30)) {
  const onRetry = vi.fn();
  const view = render(<Popup state={state} actions={acts} now={now} onRetry={onRetry} />);
  return { ...view, acts, onRetry };
}

const ready = (data: PopupData): PopupState => ({ kind: 'ready', model: popupModel(data, TODAY) });

const text = (testId: string) => screen.getAllByTestId(testId).map((el) => el.textContent);

describe('popup states', () => {
  it('says it is loading before the first result', () => {
    show({ kind: 'loading' });
    expect(screen.getByRole('status').textContent).toContain('Loading license data');
  });

  it('shows the empty state before the first sync, with a button to the Licenses page', () => {
    const { acts } = show(ready({ ...popupData([]), meta: null }));
    expect(screen.getByText('No license data yet — open Manage → Licenses on letrs.com.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open LETRS Licenses page' }));
    expect(acts.openLicensesPage).toHaveBeenCalledWith(null);
    expect(screen.queryByText('Export CSV')).toBeNull();
  });

  it('says what went wrong on the last visit when nothing could be cached', () => {
    const data = popupData([]);
    data.lastLog = {
      at: at(TODAY).toISOString(),
      url: PAGE_URL,
      organization: null,
      setCount: 0,
      complete: false,
      applied: false,
      diagnostics: [{ level: 'warning', message: 'The page was still loading: no license rows yet.' }],
    };
    show(ready(data));
    expect(screen.getByRole('status').textContent).toBe('Last visit: The page was still loading: no license rows yet.');
  });

  it('explains a database that cannot be opened and offers to try again', () => {
    const { onRetry, acts } = show({
      kind: 'error',
      error: Object.assign(new Error('The requested version (2) is less than the existing version (3).'), {
        name: 'VersionError',
      }),
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('written by a different version of the extension');
    expect(alert.textContent).toContain('Reload the extension');
    expect(alert.textContent).toContain('VersionError: The requested version (2)');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(acts.openOptions).toHaveBeenCalledOnce();
  });
});

describe('popup data view on the sample page', () => {
  const sets = sampleCache();
  const expected = summarize(sets, TODAY);

  it('shows the organization and when it was read, with a link to the Licenses page', () => {
    const { acts } = show(ready(popupData(sets)));
    expect(text('organization')).toEqual([ORG]);
    expect(screen.getByTestId('read-age').textContent).toBe('Read today 9:14 · Open Manage Licenses');
    const link = screen.getByRole('link', { name: 'Open Manage Licenses' });
    expect(link.getAttribute('href')).toBe(PAGE_URL);
    fireEvent.click(link);
    expect(acts.openLicensesPage).toHaveBeenCalledWith(PAGE_URL);
  });

  it('shows the totals at a glance', () => {
    show(ready(popupData(sets)));
    expect(text('total-licenses')).toEqual(['1,475']);
    expect(text('total-assigned')).toEqual(['1,177']);
    expect(text('total-unassigned')).toEqual(['298']);
    expect(text('total-expiring')).toEqual(['3']);
    expect(screen.getByText('19 unassigned licenses in sets ending within 30 days.')).toBeTruthy();
  });

  it('shows one row per track with its figures', () => {
    show(ready(popupData(sets)));
    const cards = screen.getAllByTestId('track');
    expect(cards.map((c) => c.querySelector('h3')?.textContent)).toEqual([
      'LETRS',
      'LETRS for Administrators',
      'LETRS for Early Childhood Educators',
    ]);
    expect(expected.tracks.map((t) => t.track).sort()).toEqual(cards.map((c) => c.querySelector('h3')?.textContent));
    const letrs = within(screen.getByRole('article', { name: 'LETRS' }));
    expect(letrs.getByTestId('active-sets').textContent).toBe('3 sets');
    expect(letrs.getByTestId('active-licenses').textContent).toBe('1,340 licenses');
    expect(letrs.getByTestId('active-assigned').textContent).toBe('1,088');
    expect(letrs.getByTestId('active-unassigned').textContent).toBe('252');
    expect(letrs.getByTestId('upcoming').textContent).toBe('1 set');
    expect(letrs.getByTestId('expired').textContent).toBe('1 set');
    expect(screen.getByRole('article', { name: 'LETRS' }).textContent).toContain('60 licenses');
    expect(screen.getByRole('article', { name: 'LETRS' }).textContent).toContain('31 completed');
    const admins = within(screen.getByRole('article', { name: 'LETRS for Administrators' }));
    expect(admins.getByTestId('active-licenses').textContent).toBe('110 licenses');
    expect(admins.getByTestId('active-unassigned').textContent).toBe('39');
  });

  it('lists the sets ending soon, soonest first, with urgency chips and the unassigned licenses', () => {
    show(ready(popupData(sets)));
    const ending = within(screen.getByRole('list', { name: 'Sets ending soon' })).getAllByTestId('deadline');
    expect(ending).toHaveLength(3);
    const rows = ending.map((row) => ({
      chip: row.querySelector('.chip')?.textContent,
      level: row.querySelector('.chip')?.className,
      name: row.querySelector('.set-name')?.textContent,
      text: row.textContent,
    }));
    expect(rows.map((r) => r.name)).toEqual(['ECE Cohort B', 'LETRS Units 1-4 Cohort A', 'LETRS Units 5-8 Cohort A']);
    expect(rows.map((r) => r.chip)).toEqual(['in 5 days', 'in 12 days', 'in 25 days']);
    expect(rows.map((r) => r.level)).toEqual(['chip urgent', 'chip soon', 'chip soon']);
    expect(rows[0].text).toContain('ends Dec 8, 2026');
    expect(rows[0].text).toContain('7 unassigned');
    expect(rows[1].text).toContain('12 unassigned');
    expect(rows[2].text).toContain('0 unassigned');
    const starting = within(screen.getByRole('list', { name: 'Sets starting soon' })).getAllByTestId('deadline');
    expect(starting.map((r) => r.textContent)).toEqual([expect.stringContaining('LETRS Units 1-4 Cohort C')]);
    expect(starting[0].textContent).toContain('in 20 days');
    expect(starting[0].textContent).toContain('starts Dec 23, 2026');
  });

  it('colours a deadline beyond the warning window neutral and says "Today" and "Tomorrow"', () => {
    const base = sets[1];
    const days = [0, 1, 45];
    const data = popupData(
      days.map((d) => cached({ ...base, id: `d${d}`, name: `Ends +${d}`, endDate: addDays(TODAY, d) })),
    );
    show(ready(data));
    const chips = screen.getAllByTestId('deadline').map((row) => row.querySelector('.chip'));
    expect(chips.map((c) => c?.textContent)).toEqual(['Today', 'Tomorrow', 'in 45 days']);
    expect(chips.map((c) => c?.className)).toEqual(['chip urgent', 'chip urgent', 'chip later']);
  });

  it('uses the settings: a 10-day window and a 14-day horizon', () => {
    show(ready(popupData(sets, { warningWindow: 10, deadlineHorizon: 14 })));
    expect(text('total-expiring')).toEqual(['1']);
    const ending = within(screen.getByRole('list', { name: 'Sets ending soon' })).getAllByTestId('deadline');
    expect(ending.map((r) => r.querySelector('.chip')?.className)).toEqual(['chip urgent', 'chip later']);
    expect(screen.queryByRole('list', { name: 'Sets starting soon' })).toBeNull();
  });
});

describe('popup: stale, missing and disagreeing data', () => {
  it('says an old read is old and links to refresh it', () => {
    const old = addDays(TODAY, -12);
    const { acts } = show(ready(popupData(sampleCache(TODAY).map((s) => cached(s, old)))));
    expect(screen.getByTestId('read-age').textContent).toBe('Read 12 days ago: open Manage Licenses to refresh');
    fireEvent.click(screen.getByRole('link', { name: 'open Manage Licenses to refresh' }));
    expect(acts.openLicensesPage).toHaveBeenCalledWith(PAGE_URL);
  });

  it('lists sets no longer shown on the page and leaves them out of the totals', () => {
    const sets = sampleCache();
    sets[5] = { ...sets[5], missingSince: addDays(TODAY, -2) };
    show(ready(popupData(sets)));
    const missing = screen.getByTestId('missing');
    expect(missing.textContent).toContain('No longer shown on the page (1)');
    expect(missing.textContent).toContain('ECE Cohort B');
    expect(missing.textContent).toContain('not shown since Dec 1, 2026');
    expect(text('total-licenses')).toEqual(['1,450']);
    expect(text('total-expiring')).toEqual(['2']);
    expect(screen.queryByRole('article', { name: 'LETRS for Early Childhood Educators' })).toBeNull();
  });

  it('says plainly when the page grouped a set unlike its dates', () => {
    const sets = sampleCache();
    sets[4] = { ...sets[4], pageStatus: 'active' };
    show(ready(popupData(sets)));
    const box = screen.getByTestId('disagreements');
    expect(box.textContent).toContain('Grouped unlike their dates (1)');
    expect(box.textContent).toContain('LETRS Units 1-4 Cohort 2024');
    expect(box.textContent).toMatch(/listed under Active, but its dates \(.+ – .+\) say Expired\./);
  });

  it('does not call a set that expired since the read a disagreement', () => {
    const read = addDays(TODAY, -30);
    const sets = sampleCache(read).map((s) => cached(s, read));
    show(ready(popupData(sets)));
    expect(screen.queryByTestId('disagreements')).toBeNull();
  });

  it('flags more assigned than licenses', () => {
    const sets = sampleCache();
    sets[1] = { ...sets[1], assigned: 55 };
    show(ready(popupData(sets)));
    expect(screen.getByTestId('over-assigned').textContent).toContain('55 assigned of 50');
  });

  it('lists each organization with its own read time', () => {
    const sets = [
      ...sampleCache(),
      cached({ ...sampleCache()[1], organization: 'Shelbyville District' }, addDays(TODAY, -1)),
    ];
    show(ready(popupData(sets)));
    expect(text('organization')).toEqual(['Shelbyville District', ORG]);
    expect(screen.getByRole('list', { name: 'Organizations' }).textContent).toContain('read yesterday');
  });
});

describe('popup with 10,000 cached sets', () => {
  it('renders capped lists and shows more on request', () => {
    const sets = manySets(10_000);
    const expected = summarize(
      sets.filter((s) => !s.missingSince),
      TODAY,
    );
    show(ready(popupData(sets)));
    expect(screen.getAllByTestId('track')).toHaveLength(5);
    expect(text('total-licenses')).toEqual([expected.byStatus.active.licenses.toLocaleString('en-US')]);
    const list = screen.getByRole('list', { name: 'Sets ending soon' });
    expect(within(list).getAllByTestId('deadline')).toHaveLength(8);
    const showAll = screen.getAllByRole('button', { name: /^Show all \(/ })[0];
    expect(showAll.textContent).toMatch(/^Show all \(\d{1},\d{3}\)$/);
    fireEvent.click(showAll);
    expect(within(list).getAllByTestId('deadline')).toHaveLength(MAX_LISTED);
    expect(screen.getByText(/Export CSV has them all/)).toBeTruthy();
    expect(document.querySelectorAll('li').length).toBeLessThan(MAX_LISTED + 50);
  });
});

describe('names from the page are text', () => {
  it('shows markup in a name as text', () => {
    const evil = '<img src=x onerror="alert(1)">';
    const sets = sampleCache().map((s, i) => (i === 5 ? { ...s, name: evil, track: `<b>${s.track}</b>` } : s));
    const { container } = show(ready(popupData(sets)));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText(evil)).toBeTruthy();
    expect(screen.getByRole('article', { name: '<b>LETRS for Early Childhood Educators</b>' })).toBeTruthy();
  });
});

describe('exports from the popup', () => {
  it('saves what the export makes and says so', async () => {
    const file = { filename: 'letrs-licenses-2026-12-03.csv', type: 'text/csv;charset=utf-8', content: 'a,b' };
    const acts = actions({ exportCsv: vi.fn(async () => file) });
    show(ready(popupData(sampleCache())), acts);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Saved letrs-licenses-2026-12-03.csv (8 sets).')).toBeTruthy();
    expect(acts.download).toHaveBeenCalledWith(file);
  });

  it('says when an export fails, and saves nothing', async () => {
    const acts = actions({ exportIcs: vi.fn(async () => Promise.reject(new Error('The database is closed'))) });
    show(ready(popupData(sampleCache())), acts);
    fireEvent.click(screen.getByRole('button', { name: 'Export calendar' }));
    expect(await screen.findByText('Could not save the file: The database is closed. Try again.')).toBeTruthy();
    expect(acts.download).not.toHaveBeenCalled();
  });

  it('says when the Licenses page cannot be opened', async () => {
    const acts = actions({ openLicensesPage: vi.fn(async () => Promise.reject(new Error('No window'))) });
    show(ready(popupData(sampleCache())), acts);
    fireEvent.click(screen.getByRole('link', { name: 'Open Manage Licenses' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not open the LETRS Licenses page: No window');
  });
});

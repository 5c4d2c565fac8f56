/**
 * The parse command's contract: JSON in the documented shape with statuses as of --today, the
 * extension's CSV with --format csv, exit 2 with a message for a missing file or bad arguments,
 * and a saved page's scripts never running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../lib/csv';
import { localToday } from '../lib/dates';
import { daysUntilEnd } from '../lib/license';
import { inertWindow, main, parseArguments, readSavedPage } from '../scripts/parse';
import { sampleExpected, samplePage } from '../scripts/sample-page';
import { PAGES } from './reader-pages';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const temp = mkdtempSync(join(tmpdir(), 'letrs-parse-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs main() in-process, capturing stdout and stderr. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
  return { code, out, err };
}

describe('parse command', () => {
  it('prints the documented JSON with statuses as of --today', async () => {
    const file = join(temp, 'sample.html');
    writeFileSync(file, samplePage('2026-12-03'));
    const { code, out, err } = await run(file, '--today', '2026-12-03');
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['isLicensesPage', 'organization', 'sets', 'diagnostics']);
    expect(json.isLicensesPage).toBe(true);
    expect(json.organization).toBe('Springfield Public Schools');
    const expected = sampleExpected('2026-12-03').sets;
    expect(json.sets).toHaveLength(expected.length);
    for (const [i, set] of json.sets.entries()) {
      expect(Object.keys(set)).toEqual([
        'track',
        'name',
        'licenses',
        'assigned',
        'completed',
        'startDate',
        'endDate',
        'pageStatus',
        'status',
        'daysUntilEnd',
        'expiringSoon',
      ]);
      const { id: _id, pageWarning: _w, stateAllocated: _s, ...shown } = expected[i];
      expect(set).toMatchObject(shown);
    }
    const soon = json.sets.filter((s: { expiringSoon: boolean }) => s.expiringSoon);
    expect(soon.map((s: { daysUntilEnd: number }) => s.daysUntilEnd).sort((a: number, b: number) => a - b)).toEqual([
      5, 12, 25,
    ]);
    expect(json.sets[0]).toMatchObject({ status: 'upcoming', daysUntilEnd: null, expiringSoon: false });
    expect(json.diagnostics).toEqual([{ level: 'info', message: 'Read 8 license sets in 3 tracks.' }]);
  });

  it('computes statuses as of --today and honours --window', async () => {
    const file = resolve(PAGES, 'nested-lists.html');
    const later = JSON.parse((await run(file, '--today', '2026-08-20')).out);
    // The set listed under Upcoming has started by then; the one ending Mar 31 has ended.
    expect(later.sets.map((s: { pageStatus: string; status: string }) => [s.pageStatus, s.status])).toEqual([
      ['upcoming', 'active'],
      ['active', 'expired'],
      ['active', 'active'],
      ['expired', 'expired'],
      ['expired', 'expired'],
      ['active', 'active'],
    ]);
    const wide = JSON.parse((await run(file, '--today', '2026-03-15', '--window', '365')).out);
    expect(wide.sets.filter((s: { expiringSoon: boolean }) => s.expiringSoon)).toHaveLength(3);
  });

  it('defaults --today to the local date', async () => {
    const { out } = await run(resolve(PAGES, 'nested-lists.html'));
    const first = JSON.parse(out).sets[1];
    expect(first.daysUntilEnd).toBe(daysUntilEnd(first, localToday()));
  });

  it('prints exactly the extension’s CSV with --format csv', async () => {
    const file = resolve(PAGES, 'table-per-track.html');
    const { code, out } = await run(file, '--format', 'csv', '--today', '2026-03-15', '--window', '45');
    expect(code).toBe(0);
    const read = await readSavedPage(readFileSync(file, 'utf8'));
    const sets = read.sets.map((s) => ({ ...s, organization: read.organization }));
    expect(out).toBe(toCsv(sets, '2026-03-15', 45));
    expect(out.startsWith('\uFEFFOrganization,Track,License set')).toBe(true);
    expect(out).toContain('Riverside Unified School District,LETRS®,Units 1–4 Cohort 2025,active,300,287,13,');
  });

  it('prints a page that is not the licenses page as such', async () => {
    const json = JSON.parse((await run(resolve(PAGES, 'people.html'))).out);
    expect(json).toMatchObject({ isLicensesPage: false, sets: [] });
  });

  it.each([
    [['--today', '2026-02-30', 'x.html'], '--today needs a real date'],
    [['x.html', '--window', 'soon'], '--window needs a whole number'],
    [['x.html', '--format', 'xml'], '--format must be json or csv'],
    [['x.html', '--verbose'], 'Unknown option --verbose'],
    [['a.html', 'b.html'], 'Only one file'],
    [[], 'No file given'],
  ])('refuses %j with a message', (argv, message) => {
    const parsed = parseArguments(argv as string[], '2026-03-15');
    expect(typeof parsed === 'string' && parsed).toContain(message);
  });

  it('accepts --flag=value', () => {
    expect(parseArguments(['f.html', '--today=2026-01-02', '--format=csv'], '2026-03-15')).toEqual({
      file: 'f.html',
      today: '2026-01-02',
      window: 30,
      format: 'csv',
    });
  });

  it('exits 2 with a clear message on stderr for a missing file (as a process)', () => {
    const missing = spawnSync(TSX, ['scripts/parse.ts', join(temp, 'nope.html')], { cwd: ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      `parse: cannot read ${join(temp, 'nope.html')}: no such file. Give the path of a saved .html page.\n`,
    );
  }, 30_000);

  it('answers 2 with a message for a folder or a bad argument', async () => {
    const folder = await run(temp);
    expect(folder).toMatchObject({ code: 2, out: '' });
    expect(folder.err).toContain('it is a folder, not a file');
    const bad = await run('--format', 'pdf', 'x.html');
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toContain('--format must be json or csv');
    expect(bad.err).toContain('Usage: npm run --silent parse');
  });

  it('never runs a saved page’s scripts (inline, event handlers, iframes, document.write)', () => {
    const marker = join(temp, 'script-ran');
    const result = spawnSync(TSX, ['scripts/parse.ts', resolve(PAGES, 'scripted-page.html')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LETRS_SCRIPT_MARKER: marker },
    });
    expect(result.status).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const json = JSON.parse(result.stdout);
    expect(json.sets.map((s: { name: string }) => s.name)).toEqual(['Scripted Page Cohort']);
  }, 30_000);

  it('control: the scripted page’s scripts do run where evaluation is on', async () => {
    const window = new Window({
      settings: {
        enableJavaScriptEvaluation: true,
        suppressInsecureJavaScriptEnvironmentWarning: true,
        disableJavaScriptFileLoading: true,
        handleDisabledFileLoadingAsSuccess: true,
        navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true },
      },
    });
    const doc = new window.DOMParser().parseFromString(
      readFileSync(resolve(PAGES, 'scripted-page.html'), 'utf8'),
      'text/html',
    );
    expect(doc.body.textContent).toContain('Written Cohort');
    await window.happyDOM.close();
  });

  it('builds its window with evaluation, loading and navigation off, and reads without running scripts', async () => {
    const window = inertWindow();
    const settings = window.happyDOM.settings;
    expect(settings.enableJavaScriptEvaluation).toBe(false);
    expect(settings.disableJavaScriptEvaluation).toBe(true);
    expect(settings.disableJavaScriptFileLoading).toBe(true);
    expect(settings.enableCSSFileLoading).toBe(false);
    expect(settings.enableIframePageLoading).toBe(false);
    expect(settings.navigation.disableMainFrameNavigation).toBe(true);
    await window.happyDOM.close();
    const global = globalThis as { __letrsPageScriptRan?: boolean };
    const read = await readSavedPage(readFileSync(resolve(PAGES, 'scripted-page.html'), 'utf8'));
    expect(global.__letrsPageScriptRan).toBeUndefined();
    expect(read.sets).toHaveLength(1);
  });
});

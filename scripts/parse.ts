/**
 * `npm run --silent parse -- FILE.html [--today YYYY-MM-DD] [--window DAYS] [--format json|csv]`
 *
 * Reads a saved Manage Licenses page with the extension's reader and prints what it found: JSON
 * (`{ isLicensesPage, organization, sets: [{ track, name, licenses, assigned, completed,
 * startDate, endDate, pageStatus, status, daysUntilEnd, expiringSoon }], diagnostics }`, statuses
 * as of --today) or, with --format csv, exactly the CSV the extension exports. For people
 * debugging a saved page and for the checks. A missing or unreadable file, or a bad argument: a
 * message on stderr and exit code 2.
 *
 * The page is parsed by happy-dom with JavaScript evaluation, script/CSS/image/iframe loading and
 * navigation all off and every request refused, so nothing in a saved page ever runs or fetches.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { toCsv } from '../lib/csv';
import { type CalendarDate, isCalendarDate, localToday } from '../lib/dates';
import { DEFAULT_WARNING_WINDOW, factsFor } from '../lib/license';
import type { PageRead } from '../lib/page-read';
import { readLicensesPage } from '../lib/reader/index';

export const USAGE =
  'Usage: npm run --silent parse -- FILE.html [--today YYYY-MM-DD] [--window DAYS] [--format json|csv]';

export interface ParseOptions {
  file: string;
  today: CalendarDate;
  window: number;
  format: 'json' | 'csv';
}

/** Reads the command line; a string is the message for a bad one. */
export function parseArguments(argv: string[], today: CalendarDate = localToday()): ParseOptions | string {
  const options: Partial<ParseOptions> = { today, window: DEFAULT_WARNING_WINDOW, format: 'json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--today') {
      const day = value();
      if (!isCalendarDate(day)) return `--today needs a real date as YYYY-MM-DD, got ${JSON.stringify(day ?? '')}.`;
      options.today = day;
    } else if (flag === '--window') {
      const days = value();
      if (!/^\d{1,4}$/.test(days ?? ''))
        return `--window needs a whole number of days (0–9999), got ${JSON.stringify(days ?? '')}.`;
      options.window = Number(days);
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'json' && format !== 'csv')
        return `--format must be json or csv, got ${JSON.stringify(format ?? '')}.`;
      options.format = format;
    } else if (flag === '--help' || flag === '-h') {
      return USAGE;
    } else if (flag.startsWith('-') && flag !== '-') {
      return `Unknown option ${flag}.`;
    } else if (options.file === undefined) {
      options.file = arg;
    } else {
      return `Only one file can be read at a time (got ${JSON.stringify(options.file)} and ${JSON.stringify(arg)}).`;
    }
  }
  if (!options.file) return 'No file given.';
  return options as ParseOptions;
}

/** A happy-dom window that never runs, loads or fetches anything. */
export function inertWindow(): Window {
  return new Window({
    url: 'https://letrs.invalid/saved-page',
    settings: {
      disableJavaScriptEvaluation: true,
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableCSSFileLoading: false,
      enableImageFileLoading: false,
      disableIframePageLoading: true,
      enableIframePageLoading: false,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ window }) => new window.Response('', { status: 403 }),
          beforeSyncRequest: ({ window }) => ({
            status: 403,
            statusText: 'Forbidden',
            ok: false,
            url: '',
            redirected: false,
            headers: new window.Headers(),
            body: null,
          }),
        },
      },
    },
  });
}

/** Reads saved HTML with the extension's reader, scripts never run. */
export async function readSavedPage(html: string): Promise<PageRead> {
  const window = inertWindow();
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    return readLicensesPage(document as unknown as Document);
  } finally {
    await window.happyDOM.close();
  }
}

/** The JSON the command prints: the read, with each set's status as of `today`. */
export function toJson(read: PageRead, today: CalendarDate, window: number) {
  return {
    isLicensesPage: read.isLicensesPage,
    organization: read.organization,
    sets: read.sets.map((set) => {
      const facts = factsFor(set, today, window);
      return {
        track: set.track,
        name: set.name,
        licenses: set.licenses,
        assigned: set.assigned,
        completed: set.completed,
        startDate: set.startDate,
        endDate: set.endDate,
        pageStatus: set.pageStatus,
        status: facts.status,
        daysUntilEnd: facts.daysUntilEnd,
        expiringSoon: facts.expiringSoon,
      };
    }),
    diagnostics: read.diagnostics.map(({ level, message }) => ({ level, message })),
  };
}

interface Output {
  write(text: string): unknown;
}

/** Runs the command; returns the exit code. */
export async function main(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    err.write(options === USAGE ? `${USAGE}\n` : `parse: ${options}\n${USAGE}\n`);
    return 2;
  }
  let html: string;
  try {
    html = readFileSync(resolve(options.file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    err.write(`parse: cannot read ${options.file}: ${reason}. Give the path of a saved .html page.\n`);
    return 2;
  }
  const read = await readSavedPage(html);
  if (options.format === 'csv') {
    const sets = read.sets.map((set) => ({ ...set, organization: set.organization ?? read.organization }));
    out.write(toCsv(sets, options.today, options.window));
  } else {
    out.write(`${JSON.stringify(toJson(read, options.today, options.window), null, 2)}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}

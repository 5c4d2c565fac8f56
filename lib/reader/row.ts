/**
 * Reads one set row: its name (the first line that is not a count, a date, a status word or a
 * badge), its counts, its start and end dates, and its warning and state-allocation marks.
 * What the row does not show stays null and is listed as a problem for the diagnostics.
 *
 * Date rules: a range ("Jul 1, 2026 – Jun 30, 2027") or dates labelled by their words
 * ("Starts …", "Ends …", "Expires …", "Start date" / "End date" lines or columns) are read as
 * such. An upcoming row that shows a single unlabelled date shows its start date (Lexia puts the
 * start date below the name of an upcoming set). Any other unlabelled date is not guessed at.
 */
import { countDateTokens, findDates, parseDateRange } from '../dates';
import type { LicenseSet, PageStatus } from '../license';
import { type CountKind, type Counts, countValue, readCounts } from './counts';
import type { Line } from './lines';
import type { Column, TableRow } from './tables';
import { clean, trimSeparators } from './text';
import type { Token } from './walk';
import { NOT_NAME, STATE_ALLOCATED, statusLabel, statusWord, WARNING_TEXT } from './words';

/** The page's text as the reader sees it. */
export interface PageText {
  tokens: Token[];
  lines: Line[];
  lineOf: Int32Array;
  /** Counts per line (label lines include the number line beside them); null when none. */
  counts: (Counts | null)[];
}

export type ProblemKind =
  | 'no name'
  | 'no license count'
  | 'unreadable count'
  | 'no assigned or completed count'
  | 'no start date'
  | 'no end date'
  | 'impossible date'
  | 'unlabelled date'
  | 'no track'
  | 'no status group';

export interface Problem {
  kind: ProblemKind;
  /** What the page showed, for the diagnostic ("−5 licenses"). */
  detail?: string;
}

/** What one row shows, before the track and group are filled in from the page's structure. */
export interface RowRead {
  name: string;
  counts: Counts;
  startDate: string | null;
  endDate: string | null;
  /** A status word shown in the row itself (a badge, or a status column). */
  ownStatus: PageStatus | null;
  warning: boolean;
  stateAllocated: boolean;
  /** Dates the row showed with no word saying start or end. */
  unlabelledDates: string[];
  /** Date-looking tokens that are not real dates (Feb 30). */
  impossibleDates: number;
  /** The row shows no name and no dates: a total or a chart, not a set. */
  aggregate: boolean;
}

type Role = 'status' | 'warning' | 'state' | 'label' | 'text';

const HAS_YEAR = /\d{4}/;
const DATE_START =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})/i;
const DATE_WORDS =
  /(?:^|\s)(?:start(?:s|ed|ing)?|start date|begins?|began|from|end(?:s|ed|ing)?|end date|expir(?:es|ed|y|ing|ation)(?: date| on)?|through|thru|until|valid(?: from| to)?|dates?)\s*:?\s*$/i;
const DATE_LABEL_LINE =
  /^(?:start(?:s|ed)?|start date|begins?|from|end(?:s|ed)?|end date|expires?|expired(?: on)?|expiration(?: date)?|through|until|valid (?:from|to|through)|dates?)\s*:?$/i;
const COUNT_PHRASE =
  /[-−–]?\p{Nd}[\p{Nd},.]*(?:[eE][+-]?\p{Nd}+)?\s*(?:(?:of|\/)\s*\p{Nd}[\p{Nd},]*\s*)?(?:(?:total|state[- ]owned|people|participants|educators)\s+)*(?:licen[cs]es?|seats?|assigned|completed|completions?|allocated|unassigned|available)(?:\s+(?:assigned|completed|allocated|unassigned|available|the course))?|(?:total\s+)?(?:licen[cs]es?|assigned|completed|completions?)(?:\s+(?:assigned|completed|allocated))?\s*:?\s*[-−–]?\p{Nd}[\p{Nd},.]*/giu;

function roleOf(text: string): Role {
  if (statusWord(text)) return 'status';
  if (WARNING_TEXT.test(text)) return 'warning';
  if (text.length <= 60 && STATE_ALLOCATED.test(text)) return 'state';
  if (NOT_NAME.test(text)) return 'label';
  return 'text';
}

/** The tokens of a line that lie in the row (inside [start, end), outside the holes). */
function lineTokens(line: Line, start: number, end: number, holes: [number, number][]): number[] {
  const out: number[] = [];
  const from = Math.max(line.first, start);
  const to = Math.min(line.end, end);
  for (let i = from; i < to; i++) if (!holes.some(([s, e]) => i >= s && i < e)) out.push(i);
  return out;
}

/** Joins tokens as a line does, keeping a space between words from different elements. */
function joinTokens(page: PageText, indices: number[]): string {
  let text = '';
  let previous: Element | null = null;
  for (const i of indices) {
    const token = page.tokens[i];
    const raw = token.raw;
    if (previous && previous !== token.parent && /[\p{L}\p{N}]$/u.test(text) && /^[\p{L}\p{N}]/u.test(raw)) text += ' ';
    text += raw;
    previous = token.parent;
  }
  return clean(text);
}

/** A line's candidate name: its text tokens without counts, dates, date words and separators. */
function nameIn(text: string): string | null {
  let name = text;
  const date = DATE_START.exec(name);
  if (date && findDates(name).length > 0) name = name.slice(0, date.index);
  name = name.replace(COUNT_PHRASE, ' ');
  // Only a line that had a count or a date cut out loses its edge punctuation ("-2+3" is a name).
  for (let previous = text; previous !== name; ) {
    previous = name;
    name = trimSeparators(name.replace(DATE_WORDS, '').replace(/\s+/g, ' ').trim());
  }
  if (!name || NOT_NAME.test(name) || !/[\p{L}\p{N}]/u.test(name) || /^[\p{N}\s.,%-]+$/u.test(name)) return null;
  return name;
}

/** Everything a row shows, read from its lines. */
export function readRow(
  page: PageText,
  range: { start: number; end: number; holes: [number, number][] },
  groupStatus: PageStatus | null,
  inButton: (token: Token) => boolean,
): RowRead {
  const { start, end, holes } = range;
  const read = emptyRead();
  const dateParts: string[] = [];
  let pendingDateLabel = '';
  let fallbackName: string | null = null;
  const firstLine = page.lineOf[start];
  const lastLine = page.lineOf[Math.max(start, end - 1)];
  for (let l = firstLine; l <= lastLine; l++) {
    const line = page.lines[l];
    const indices = lineTokens(line, start, end, holes);
    if (indices.length === 0) continue;
    const roles = indices.map((i) => roleOf(clean(page.tokens[i].raw)));
    for (const [k, role] of roles.entries()) {
      if (role === 'status') read.ownStatus ??= statusWord(clean(page.tokens[indices[k]].raw));
      else if (role === 'warning') read.warning = true;
      else if (role === 'state') read.stateAllocated = true;
    }
    mergeCounts(read.counts, page.counts[l]);
    const whole = indices.length === line.end - line.first ? line.text : joinTokens(page, indices);
    if (!read.name || fallbackName === read.name) {
      const textTokens = indices.filter((_, k) => roles[k] === 'text');
      const candidate = textTokens.length > 0 ? nameIn(joinTokens(page, textTokens)) : null;
      if (candidate && !read.name) {
        if (inButton(page.tokens[textTokens[0]])) fallbackName ??= candidate;
        else read.name = candidate;
      }
    }
    if (HAS_YEAR.test(whole)) {
      const dated = roles.some((r) => r !== 'text' && r !== 'label')
        ? joinTokens(
            page,
            indices.filter((_, k) => roles[k] === 'text' || roles[k] === 'label'),
          )
        : whole;
      dateParts.push(pendingDateLabel ? `${pendingDateLabel} ${dated}` : dated);
      pendingDateLabel = '';
    } else pendingDateLabel = DATE_LABEL_LINE.test(whole) ? whole : '';
  }
  read.name ||= fallbackName ?? '';
  applyDates(read, dateParts.join(' '), groupStatus ?? read.ownStatus);
  read.aggregate = !read.name && read.startDate === null && read.endDate === null && read.unlabelledDates.length === 0;
  if (read.counts.allocated) read.stateAllocated = true;
  return read;
}

function emptyRead(): RowRead {
  return {
    name: '',
    counts: {},
    startDate: null,
    endDate: null,
    ownStatus: null,
    warning: false,
    stateAllocated: false,
    unlabelledDates: [],
    impossibleDates: 0,
    aggregate: false,
  };
}

/** Adds a line's counts where the row has none yet (the first count shown wins). */
function mergeCounts(into: Counts, from: Counts | null | undefined): void {
  if (!from) return;
  for (const kind of ['licenses', 'assigned', 'completed'] as const) {
    if (into[kind] === undefined && from[kind] !== undefined) into[kind] = from[kind];
  }
  if (from.allocated) into.allocated = true;
  if (from.unreadable) into.unreadable = [...(into.unreadable ?? []), ...from.unreadable];
}

/** Start and end from the row's date text (see the module comment for the rules). */
function applyDates(read: RowRead, text: string, status: PageStatus | null): void {
  if (!text) return;
  const range = parseDateRange(text);
  const dates = findDates(text);
  read.impossibleDates = countDateTokens(text) - dates.length;
  read.startDate = range.start;
  read.endDate = range.end;
  if (range.start === null && range.end === null && dates.length > 0) {
    if (dates.length === 1 && status === 'upcoming') read.startDate = dates[0];
    else read.unlabelledDates = dates;
  }
}

/** A count cell's value: "60", "1,250", "31 completed", "—" (missing), "−5" (unreadable). */
function cellCount(text: string, kind: CountKind, into: Counts): void {
  if (!text) return;
  const counts = readCounts(text);
  if (counts.licenses !== undefined || counts.assigned !== undefined || counts.completed !== undefined) {
    mergeCounts(into, counts);
    return;
  }
  const number = /^[-−–]?\p{Nd}[\p{Nd},.]*(?:[eE][+-]?\p{Nd}+)?/u.exec(text);
  if (!number) {
    // "—", "N/A": shown as missing.
    into[kind] ??= null;
    return;
  }
  if (into[kind] !== undefined) return;
  const value = countValue(number[0]);
  into[kind] = value;
  if (value === null) into.unreadable = [...(into.unreadable ?? []), text];
}

/** A table row read by its columns; other cells still give warnings, badges and counts. */
export function readTableRow(
  page: PageText,
  row: TableRow,
  groupStatus: PageStatus | null,
  inButton: (token: Token) => boolean,
): RowRead {
  const generic = readRow(page, { start: row.start, end: row.end, holes: [] }, groupStatus, inButton);
  const read: RowRead = { ...emptyRead(), warning: generic.warning, stateAllocated: generic.stateAllocated };
  const cell = (column: Column) => row.cells.filter((c) => c.column === column).map((c) => joinTokens(page, c.tokens));
  const status =
    cell('status')
      .map((t) => statusLabel(t) ?? statusWord(t))
      .find((s) => s) ?? null;
  read.ownStatus = status ?? generic.ownStatus;
  const effective = groupStatus ?? read.ownStatus;
  const nameCell = row.cells.find((c) => c.column === 'name' && c.tokens.length > 0);
  if (nameCell) {
    const first = page.lineOf[nameCell.tokens[0]];
    const tokens = nameCell.tokens.filter(
      (i) => page.lineOf[i] === first && roleOf(clean(page.tokens[i].raw)) === 'text',
    );
    read.name = nameIn(joinTokens(page, tokens)) ?? '';
  }
  read.name ||= generic.name;
  for (const text of cell('licenses')) cellCount(text, 'licenses', read.counts);
  for (const text of cell('assigned')) cellCount(text, 'assigned', read.counts);
  for (const text of cell('completed')) cellCount(text, 'completed', read.counts);
  for (const text of cell('assignedOrCompleted')) {
    if (/complet/i.test(text) || /assigned/i.test(text)) cellCount(text, 'assigned', read.counts);
    else cellCount(text, effective === 'expired' ? 'completed' : 'assigned', read.counts);
  }
  mergeCounts(read.counts, generic.counts);
  const starts = cell('start').join(' ');
  const ends = cell('end').join(' ');
  const spans = cell('dates').join(' ');
  if (starts || ends || spans) {
    read.startDate = findDates(starts)[0] ?? null;
    read.endDate = findDates(ends)[0] ?? null;
    read.impossibleDates = countDateTokens(`${starts} ${ends}`) - findDates(`${starts} ${ends}`).length;
    if (spans) {
      // A "Dates" column: a range, labelled dates, or two dates in start–end order.
      const range = parseDateRange(spans);
      const dates = findDates(spans);
      read.impossibleDates += countDateTokens(spans) - dates.length;
      read.startDate ??= range.start ?? (range.end === null && dates.length === 2 ? dates[0] : null);
      read.endDate ??= range.end ?? (range.start === null && dates.length === 2 ? dates[1] : null);
      if (range.start === null && range.end === null && dates.length === 1) {
        if (effective === 'upcoming') read.startDate ??= dates[0];
        else read.unlabelledDates = dates;
      }
    }
  } else {
    read.startDate = generic.startDate;
    read.endDate = generic.endDate;
    read.unlabelledDates = generic.unlabelledDates;
    read.impossibleDates = generic.impossibleDates;
  }
  read.aggregate = !read.name && read.startDate === null && read.endDate === null;
  if (read.counts.allocated) read.stateAllocated = true;
  return read;
}

/** The problems of a row for the diagnostics: what it did not show or showed unreadably. */
export function problemsOf(read: RowRead, status: PageStatus | null): Problem[] {
  const problems: Problem[] = [];
  const { counts } = read;
  if (!read.name) problems.push({ kind: 'no name' });
  if (counts.unreadable?.length)
    for (const detail of counts.unreadable) problems.push({ kind: 'unreadable count', detail });
  if (counts.licenses === undefined || (counts.licenses === null && !counts.unreadable?.length))
    problems.push({ kind: 'no license count' });
  if (counts.assigned === undefined && counts.completed === undefined)
    problems.push({ kind: 'no assigned or completed count' });
  if (read.impossibleDates > 0) problems.push({ kind: 'impossible date' });
  if (read.unlabelledDates.length > 0)
    problems.push({ kind: 'unlabelled date', detail: read.unlabelledDates.join(', ') });
  if (read.startDate === null) problems.push({ kind: 'no start date' });
  if (read.endDate === null && status !== 'upcoming') problems.push({ kind: 'no end date' });
  return problems;
}

/** The set a row shows, in the shape the rest of the extension uses. */
export function toSet(read: RowRead, id: string | null, track: string, status: PageStatus | null): LicenseSet {
  return {
    id,
    track,
    name: read.name,
    licenses: read.counts.licenses ?? null,
    assigned: read.counts.assigned ?? null,
    completed: read.counts.completed ?? null,
    startDate: read.startDate,
    endDate: read.endDate,
    pageStatus: status,
    pageWarning: read.warning,
    stateAllocated: read.stateAllocated,
  };
}

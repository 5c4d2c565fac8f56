/**
 * Reads one set row: its name (the first text that is not a count, a date, a status word or a
 * badge), its counts, its start and end dates, and its warning and state-allocation marks.
 * What the row does not show stays null and is listed as a problem for the diagnostics.
 *
 * Date rules: a range ("Jul 1, 2026 – Jun 30, 2027") or dates labelled by their words
 * ("Starts …", "Ends …", "Expires …", "Start date" / "End date" labels or columns) are read as
 * such. An upcoming row that shows a single unlabelled date shows its start date (Lexia puts the
 * start date below the name of an upcoming set). Any other unlabelled date is not guessed at.
 */
import { findDates } from '../dates';
import type { LicenseSet, PageStatus } from '../license';
import type { TokenInfo } from './classify';
import { type CountKind, type Counts, countValue, readCounts } from './counts';
import { joinText, sameLine } from './lines';
import type { DatesShown } from './shown-dates';
import type { Column, TableRow } from './tables';
import { trimSeparators } from './text';
import type { Tokens } from './walk';
import { NOT_NAME, statusLabel, statusWord } from './words';

/** The page's text as the row reader sees it. */
export interface PageText {
  tokens: Tokens;
  /** What token i is (memoised by text). */
  info: (i: number) => TokenInfo;
  /** Counts per token, with a label token holding the number beside it ("<b>60</b> licenses"). */
  counts: (Counts | undefined)[];
  /** Dates of a text (memoised: rows repeat the same dates). */
  dates: (text: string) => DatesShown;
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
  /** A table row's own track (a "Track" column). */
  track?: string;
  /** The token the name was read from (-1 when none), so the overlay can sit beside it. */
  nameToken: number;
}

const HAS_YEAR = /\d{4}/;
const HAS_DIGIT = /\d/;
const MENTIONS_COUNT = /licen[cs]|assign|complet|allocat|seat/i;
const DATE_JOINER = /^(?:[-–—]|to|through|until)$/i;
const DATE_START =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})/i;
const DATE_WORDS =
  /(?:^|\s)(?:start(?:s|ed|ing)?|start date|begins?|began|from|end(?:s|ed|ing)?|end date|expir(?:es|ed|y|ing|ation)(?: date| on)?|through|thru|until|valid(?: from| to)?|dates?)\s*:?\s*$/i;
const COUNT_PHRASE =
  /[-−–]?\p{Nd}[\p{Nd},.]*(?:[eE][+-]?\p{Nd}+)?\s*(?:(?:of|\/)\s*\p{Nd}[\p{Nd},]*\s*)?(?:(?:total|state[- ]owned|people|participants|educators)\s+)*(?:licen[cs]es?|seats?|assigned|completed|completions?|allocated|unassigned|available)(?:\s+(?:assigned|completed|allocated|unassigned|available|the course))?|(?:total\s+)?(?:licen[cs]es?|assigned|completed|completions?)(?:\s+(?:assigned|completed|allocated))?\s*:?\s*[-−–]?\p{Nd}[\p{Nd},.]*/giu;

/** A text's candidate name: without counts, dates, date words and the separators they leave. */
export function nameIn(text: string): string | null {
  let name = text;
  if (HAS_DIGIT.test(name)) {
    const date = HAS_YEAR.test(name) ? DATE_START.exec(name) : null;
    if (date && findDates(name).length > 0) name = name.slice(0, date.index);
    if (MENTIONS_COUNT.test(name)) name = name.replace(COUNT_PHRASE, ' ');
  }
  // Only a text that had a count or a date cut out loses its edge punctuation ("-2+3" is a name).
  for (let previous = text; previous !== name; ) {
    previous = name;
    name = trimSeparators(name.replace(DATE_WORDS, '').replace(/\s+/g, ' ').trim());
  }
  if (!name || NOT_NAME.test(name) || !/[\p{L}\p{N}]/u.test(name) || /^[\p{N}\s.,%-]+$/u.test(name)) return null;
  return name;
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
    nameToken: -1,
  };
}

/** Adds counts where the row has none yet (the first count shown wins). */
function mergeCounts(into: Counts, from: Counts | null | undefined): void {
  if (!from) return;
  if (into.licenses === undefined && from.licenses !== undefined) into.licenses = from.licenses;
  if (into.assigned === undefined && from.assigned !== undefined) into.assigned = from.assigned;
  if (into.completed === undefined && from.completed !== undefined) into.completed = from.completed;
  if (from.allocated) into.allocated = true;
  if (from.unreadable) into.unreadable = [...(into.unreadable ?? []), ...from.unreadable];
}

/** A row's token range, minus rows nested in it. */
export interface RowRange {
  start: number;
  end: number;
  holes: [number, number][];
}

/** Everything a row shows, read from its tokens. */
export function readRow(
  page: PageText,
  range: RowRange,
  groupStatus: PageStatus | null,
  inButton: (token: number) => boolean,
): RowRead {
  const { start, end, holes } = range;
  const { tokens } = page;
  const read = emptyRead();
  const dateParts: string[] = [];
  let pendingDateLabel = '';
  let buttonName: { name: string; token: number } | null = null;
  let mixedName: { name: string; token: number } | null = null;
  let hole = 0;
  for (let i = start; i < end; i++) {
    if (hole < holes.length && i >= holes[hole][0]) {
      i = holes[hole++][1] - 1;
      continue;
    }
    const info = page.info(i);
    const role = info.role;
    if (role === 'status') read.ownStatus ??= info.status;
    else if (role === 'warning') read.warning = true;
    if (info.state && role !== 'text') read.stateAllocated = true;
    mergeCounts(read.counts, page.counts[i]);
    if (!read.name && role === 'text') {
      let last = i;
      while (last + 1 < end && page.info(last + 1).role === 'text' && sameLine(tokens, last, last + 1)) last++;
      const parts: number[] = [];
      for (let k = i; k <= last; k++) parts.push(k);
      const candidate = nameIn(parts.length === 1 ? info.text : joinText(tokens, parts));
      if (candidate) {
        if (inButton(i)) buttonName ??= { name: candidate, token: i };
        else {
          read.name = candidate;
          read.nameToken = i;
        }
      }
    } else if (!read.name && !mixedName && (role === 'count' || role === 'date')) {
      const candidate = nameIn(info.text);
      if (candidate) mixedName = { name: candidate, token: i };
    }
    if (info.hasYear && role !== 'text' && role !== 'number') {
      dateParts.push(pendingDateLabel ? `${pendingDateLabel} ${info.text}` : info.text);
      pendingDateLabel = '';
    } else if (role === 'dateLabel') pendingDateLabel = info.text;
    else if (dateParts.length > 0 && DATE_JOINER.test(info.text)) dateParts.push(info.text);
    else if (role !== 'status' && role !== 'warning' && role !== 'state') pendingDateLabel = '';
  }
  const fallback = read.name ? null : (buttonName ?? mixedName);
  if (fallback) {
    read.name = fallback.name;
    read.nameToken = fallback.token;
  }
  applyDates(read, page, dateParts.join(' '), groupStatus ?? read.ownStatus);
  read.aggregate = !read.name && read.startDate === null && read.endDate === null && read.unlabelledDates.length === 0;
  if (read.counts.allocated) read.stateAllocated = true;
  return read;
}

/** Start and end from the row's date text (see the module comment for the rules). */
function applyDates(read: RowRead, page: PageText, text: string, status: PageStatus | null): void {
  if (!text) return;
  const { range, dates, impossible } = page.dates(text);
  read.impossibleDates = impossible;
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

/** A table row read by its columns; its other cells still give warnings, badges and counts. */
export function readTableRow(
  page: PageText,
  row: TableRow,
  groupStatus: PageStatus | null,
  inButton: (token: number) => boolean,
): RowRead {
  const generic = readRow(page, { start: row.start, end: row.end, holes: [] }, groupStatus, inButton);
  const read: RowRead = { ...emptyRead(), warning: generic.warning, stateAllocated: generic.stateAllocated };
  const cell = (column: Column) =>
    row.cells.filter((c) => c.column === column).map((c) => joinText(page.tokens, c.tokens));
  const status = cell('status')
    .map((t) => statusLabel(t) ?? statusWord(t))
    .find((s) => s);
  read.ownStatus = status ?? generic.ownStatus;
  const effective = groupStatus ?? read.ownStatus;
  const track = cell('track').find((t) => t);
  if (track) read.track = track;
  const nameCell = row.cells.find((c) => c.column === 'name' && c.tokens.length > 0);
  if (nameCell) {
    const text = nameCell.tokens.filter((i) => page.info(i).role === 'text');
    read.name = text.length > 0 ? (nameIn(joinText(page.tokens, text)) ?? '') : '';
    if (read.name) read.nameToken = text[0];
  }
  if (!read.name) {
    read.name = generic.name;
    read.nameToken = generic.nameToken;
  }
  for (const text of cell('licenses')) cellCount(text, 'licenses', read.counts);
  for (const text of cell('assigned')) cellCount(text, 'assigned', read.counts);
  for (const text of cell('completed')) cellCount(text, 'completed', read.counts);
  for (const text of cell('assignedOrCompleted')) {
    if (/complet|assigned/i.test(text)) cellCount(text, 'assigned', read.counts);
    else cellCount(text, effective === 'expired' ? 'completed' : 'assigned', read.counts);
  }
  mergeCounts(read.counts, generic.counts);
  const starts = cell('start').join(' ');
  const ends = cell('end').join(' ');
  const spans = cell('dates').join(' ');
  if (starts || ends || spans) {
    const startShown = page.dates(starts);
    const endShown = page.dates(ends);
    read.startDate = startShown.dates[0] ?? null;
    read.endDate = endShown.dates[0] ?? null;
    read.impossibleDates = startShown.impossible + endShown.impossible;
    if (spans) {
      // A "Dates" column: a range, labelled dates, or two dates in start–end order.
      const { range, dates, impossible } = page.dates(spans);
      read.impossibleDates += impossible;
      const pair = range.start === null && range.end === null && dates.length === 2;
      read.startDate ??= range.start ?? (pair ? dates[0] : null);
      read.endDate ??= range.end ?? (pair ? dates[1] : null);
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
  if (counts.unreadable?.length) problems.push({ kind: 'unreadable count', detail: counts.unreadable.join(', ') });
  if (counts.licenses === undefined || (counts.licenses === null && !counts.unreadable?.length))
    problems.push({ kind: 'no license count' });
  if ((counts.assigned ?? null) === null && (counts.completed ?? null) === null && !counts.unreadable?.length)
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

/**
 * Reads the Manage Licenses page from what it shows: the title, the status groups, the track
 * headings and the set rows with their counts, dates, warning icons and badges. Never from class
 * names, and never throwing: whatever it cannot read is null, with a diagnostic saying so, and a
 * read that may have missed something (still loading, rows it could not place, nothing found)
 * is marked incomplete so nothing downstream takes it for "these sets are gone".
 *
 * Steps: one attribute query (scan.ts) and one text walk (walk.ts) → what each text is
 * (classify.ts, counts.ts) → headings and group labels (labels.ts) → title, organization,
 * loading (page.ts) → licenses tables (tables.ts) → rows anchored on license counts (rows.ts) →
 * the track and group of each row (context.ts) → each row's values (row.ts, ids.ts) →
 * diagnostics (diagnostics.ts).
 */
import type { LicenseSet, PageStatus } from '../license';
import type { Diagnostic, PageRead } from '../page-read';
import { classifier, type TokenInfo } from './classify';
import { disclosureEvents, eventKind, type GroupEvent, labelEvents, looseEvents, place, tabEvents } from './context';
import { type Counts, pairedCounts } from './counts';
import { summarize } from './diagnostics';
import { rowId } from './ids';
import { findLabels, type Label } from './labels';
import { joinText, span } from './lines';
import { breadcrumbs, findOrganization, findTitle, linesOf, loadingSign } from './page';
import { rangeOf } from './positions';
import { type PageText, type Problem, problemsOf, type RowRead, readRow, readTableRow, toSet } from './row';
import { type Anchor, ancestorsOf, findRows, markShared, type Row } from './rows';
import { scan } from './scan';
import { datesReader } from './shown-dates';
import { findTables, type Table, type TableRow } from './tables';
import { cap } from './text';
import { collectTokens, type Tokens } from './walk';
import { STATE_ALLOCATED, WARNING } from './words';

export interface ReadOptions {
  /** Stop after this many sets (the read is then incomplete). Default 20,000, as lib/messages allows. */
  maxSets?: number;
}

export const DEFAULT_MAX_SETS = 20_000;

/** A set with the elements it was read from (for the overlay; not sent anywhere). */
export interface ReadRow {
  set: LicenseSet;
  /** The row: card, list item or table row. */
  element: Element;
  /** The element whose text gave the set's name, when there is one. */
  nameElement: Element | null;
}

export interface PageReading {
  read: PageRead;
  /** One per set of `read.sets`, in the same order. */
  rows: ReadRow[];
}

/** Reads the page; never throws. */
export function readLicensesPage(document: Document, options: ReadOptions = {}): PageRead {
  return readLicensesPageWithRows(document, options).read;
}

/** Reads the page and says which element each set came from; never throws. */
export function readLicensesPageWithRows(document: Document, options: ReadOptions = {}): PageReading {
  try {
    return readPage(document, Math.max(0, options.maxSets ?? DEFAULT_MAX_SETS));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      read: {
        isLicensesPage: false,
        complete: false,
        organization: null,
        tracks: [],
        sets: [],
        diagnostics: [{ level: 'error', message: `The page could not be read (${reason.slice(0, 200)}).` }],
      },
      rows: [],
    };
  }
}

const PLACEHOLDER = /^(?:[-–—?]|n\/a)$/i;

/**
 * Counts per token. A count label alone ("licenses", "Assigned:") takes the number beside it:
 * the one before ("<b>60</b> licenses"), else the one after ("Licenses: <b>60</b>").
 */
function tokenCounts(tokens: Tokens, info: (i: number) => TokenInfo): (Counts | undefined)[] {
  const counts: (Counts | undefined)[] = new Array(tokens.nodes.length);
  const used = new Uint8Array(tokens.nodes.length);
  for (let i = 0; i < tokens.nodes.length; i++) {
    const token = info(i);
    if (token.role === 'count' && token.counts) counts[i] = token.counts;
    else if (token.role === 'countLabel' && token.countLabel) {
      const { kind, allocated } = token.countLabel;
      for (const k of [i - 1, i + 1]) {
        if (k < 0 || k >= tokens.nodes.length || used[k]) continue;
        const beside = info(k);
        if (beside.number) counts[i] = pairedCounts(kind, beside.number, allocated);
        else if (PLACEHOLDER.test(beside.text)) counts[i] = { [kind]: null };
        else continue;
        used[k] = 1;
        break;
      }
    }
  }
  return counts;
}

function rangeFrom(tokens: Tokens, el: Element): { start: number; end: number } {
  const [start, end] = rangeOf(tokens, el);
  return { start, end };
}

/** Marks token ranges in a mask. */
function mark(mask: Uint8Array, ranges: Iterable<{ start: number; end: number }>): void {
  for (const { start, end } of ranges) mask.fill(1, start, end);
}

/** The text of labels: their first line (a heading that wraps rows in broken markup keeps its rows). */
const labelTexts = (labels: Label[]) => labels.map((l) => ({ start: l.start, end: l.textEnd }));

/**
 * Headings that structure the page (a row never grows to include one): status labels, the
 * title, captions, and headings that head more than one row, with every track heading of the
 * same level as such a heading (a track with a single set is still a track).
 */
function structuralLabels(labels: Label[], title: Label | null, seen: Set<Element>, shared: Set<Element>): Label[] {
  const free = (l: Label) => {
    // A heading that shows a count (a track total) is judged from its parent.
    for (let x = l.counts ? l.el.parentElement : l.el; x; x = x.parentElement) if (seen.has(x)) return shared.has(x);
    return true;
  };
  const freeLabels = new Set(labels.filter((l) => l.kind !== 'status' && l !== title && free(l)));
  const trackLevels = new Set([...freeLabels].filter((l) => l.kind === 'track' && l.tag === 'h').map((l) => l.level));
  return labels.filter(
    (l) =>
      l.kind === 'status' ||
      l === title ||
      l.tag === 'caption' ||
      l.tag === 'legend' ||
      freeLabels.has(l) ||
      (l.tag === 'h' && l.kind === 'track' && trackLevels.has(l.level)),
  );
}

interface Source {
  start: number;
  end: number;
  el: Element;
  generic?: Row;
  table?: TableRow;
}

/** Warning and state-owned marks from icons' accessible names (aria-label, img alt, svg title), by row. */
function iconMarks(tokens: Tokens, named: Element[], sources: Source[]): { warning: Set<number>; state: Set<number> } {
  const warning = new Set<number>();
  const state = new Set<number>();
  const rowOf = new Map(sources.map((s, i) => [s.el, i]));
  const consider = (name: string, el: Element) => {
    if (!name || name.length > 200) return;
    const isWarning = WARNING.test(name);
    const isState = STATE_ALLOCATED.test(name);
    if (!isWarning && !isState) return;
    if (el.closest('[aria-hidden="true"],[hidden],[data-letrs-tracker]')) return;
    // The innermost row holding the icon.
    for (let x: Element | null = el; x; x = x.parentElement) {
      const row = rowOf.get(x);
      if (row === undefined) continue;
      if (isWarning) warning.add(row);
      if (isState) state.add(row);
      return;
    }
  };
  for (const icon of tokens.icons) consider(icon.name, icon.el);
  for (const el of named) {
    consider(
      el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.querySelector('title')?.textContent ?? '',
      el,
    );
  }
  return { warning, state };
}

function readPage(doc: Document, maxSets: number): PageReading {
  const found = scan(doc);
  const tokens = collectTokens(doc, found.hidden);
  const dates = datesReader();
  const classify = classifier(dates);
  const info = (i: number) => classify(tokens.raws[i]);
  const counts = tokenCounts(tokens, info);
  const page: PageText = { tokens, info, counts, dates };
  const labels = findLabels(tokens, found.roles);
  const crumbs = breadcrumbs(tokens, found);
  const textOf = (el: Element) => {
    const [start, end] = rangeOf(tokens, el);
    return joinText(tokens, span(start, end));
  };
  const tables = findTables(doc, tokens, found.roles, textOf);

  // Anchors: texts with counts, outside status labels, the title and licenses tables.
  const anchorTokens: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]) anchorTokens.push(i);
  const firstAnchor = anchorTokens[0] ?? tokens.nodes.length;
  const head = linesOf(tokens, 0, Math.min(firstAnchor, 400));
  const titleFound = findTitle(labels, doc, crumbs, head);
  const title = titleFound === 'document' ? null : titleFound;
  const organization = findOrganization(crumbs, found, head);
  const loadingToken = tokens.raws.findIndex((_, i) => info(i).loading);
  const loading = loadingSign(doc, found, loadingToken >= 0 ? info(loadingToken).text : null);
  const masked = new Uint8Array(tokens.nodes.length);
  mark(masked, labelTexts(labels.filter((l) => l.kind === 'status' || l === title)));
  mark(masked, tables);
  const primary: Anchor[] = [];
  const secondary: Anchor[] = [];
  for (const i of anchorTokens) {
    if (masked[i]) continue;
    const anchor = { token: i, el: tokens.parents[i] };
    (counts[i]?.licenses !== undefined ? primary : secondary).push(anchor);
  }

  const statusLabels = labels.filter((l) => l.kind === 'status');
  const isLicensesPage =
    titleFound !== null && (primary.length > 0 || tables.length > 0 || statusLabels.length > 0 || loading !== null);
  if (!isLicensesPage) return { read: notThisPage(organization, titleFound !== null), rows: [] };

  // Rows.
  const { seen, shared } = markShared([...new Set(primary.map((a) => a.el))]);
  const structural = structuralLabels(labels, title, seen, shared);
  const blocked = ancestorsOf(structural.map((l) => l.el));
  const totals = structural.filter((l) => l.counts);
  let rows = findRows(tokens, primary, blocked, found.roles).filter(
    (r) => !totals.some((l) => l.el === r.el || l.el.contains(r.el)),
  );
  const inRows = new Uint8Array(tokens.nodes.length);
  mark(inRows, rows);
  const looseAnchors = secondary.filter((a) => !inRows[a.token]);
  if (looseAnchors.length > 0) {
    const extraBlocked = ancestorsOf([...blocked, ...rows.map((r) => r.el)]);
    const extra = findRows(tokens, looseAnchors, extraBlocked, found.roles).filter((r) => !inRows[r.start]);
    rows = [...rows, ...extra].sort((a, b) => a.start - b.start);
    mark(inRows, extra);
  }
  const sources: Source[] = rows.map((r) => ({ start: r.start, end: r.end, el: r.el, generic: r }));
  for (const table of tables)
    for (const r of table.rows) sources.push({ start: r.start, end: r.end, el: r.el, table: r });
  sources.sort((a, b) => a.start - b.start);
  mark(inRows, sources);

  // Where each row is listed.
  const holdsRows = ancestorsOf(sources.map((s) => s.el));
  for (const s of sources) holdsRows.delete(s.el);
  const outsideLabels = labels.filter((l) => !inRows[l.start]);
  const events: GroupEvent[] = [
    ...labelEvents(outsideLabels, tokens, holdsRows, title),
    ...tabEvents(doc, tokens, found.roles, holdsRows),
    ...disclosureEvents(doc, tokens, found.roles),
  ];
  for (const table of tables) events.push(...groupRowEvents(table, tokens));
  const inLabels = new Uint8Array(tokens.nodes.length);
  mark(inLabels, labelTexts(labels));
  mark(inLabels, tables);
  const hasTracks = events.some((e) => e.kind === 'track');
  const outside = (t: number) => !inRows[t] && !inLabels[t];
  events.push(...looseEvents(tokens, outside, holdsRows, !hasTracks, title ? title.end : 0));
  const placed = place(
    events,
    sources.map((s) => s.start),
  );

  // Each row's values.
  // A name inside a button is an action's label ("Assign licenses"), kept only when nothing else names the row.
  const roleButtons = new Uint8Array(tokens.nodes.length);
  for (const [el, role] of found.roles) if (role === 'button') mark(roleButtons, [rangeFrom(tokens, el)]);
  const inButton = (token: number) => {
    if (roleButtons[token]) return true;
    const parent = tokens.parents[token];
    return parent.localName === 'button' || parent.parentElement?.localName === 'button';
  };
  const icons = iconMarks(tokens, found.named, sources);
  const read: { set: LicenseSet; problems: Problem[]; element: Element; nameElement: Element | null }[] = [];
  let aggregates = 0;
  let truncated = false;
  for (const [i, source] of sources.entries()) {
    if (read.length >= maxSets) {
      truncated = true;
      break;
    }
    const { status: groupStatus } = placed[i];
    const row: RowRead = source.table
      ? readTableRow(page, source.table, groupStatus, inButton)
      : readRow(page, source.generic!, groupStatus, inButton);
    const track = row.track ?? placed[i].track;
    if (row.aggregate) {
      aggregates++;
      continue;
    }
    if (icons.warning.has(i)) row.warning = true;
    if (icons.state.has(i)) row.stateAllocated = true;
    const status: PageStatus | null = groupStatus ?? row.ownStatus;
    const problems = problemsOf(row, status);
    if (!track) problems.push({ kind: 'no track' });
    if (!status) problems.push({ kind: 'no status group' });
    row.name = cap(row.name);
    read.push({
      set: toSet(row, rowId(source.el), cap(track ?? ''), status),
      problems,
      element: source.el,
      nameElement: row.nameToken >= 0 ? tokens.parents[row.nameToken] : null,
    });
  }
  uniqueIds(read.map((r) => r.set));

  const sets = read.map((r) => r.set);
  const tracks = [...new Set(sets.map((s) => s.track).filter((t) => t))];
  const diagnostics: Diagnostic[] = [
    summarize(
      read.map((r) => ({ name: r.set.name, problems: r.problems })),
      tracks.length,
    ),
  ];
  const unplaced = read.filter((r) => !r.set.track).length;
  if (loading)
    diagnostics.push({ level: 'warning', message: `The page is still loading (${loading}); this read is incomplete.` });
  if (unplaced > 0)
    diagnostics.push({
      level: 'warning',
      message: `${unplaced} ${unplaced === 1 ? 'row' : 'rows'} could not be placed under a license track; this read is incomplete.`,
    });
  if (truncated)
    diagnostics.push({
      level: 'warning',
      message: `The page shows more than ${maxSets} license sets; only the first ${maxSets} were read and this read is incomplete.`,
    });
  if (sets.length === 0)
    diagnostics.push({
      level: 'warning',
      message: 'No license sets were found on the Manage Licenses page; this read is incomplete.',
    });
  diagnostics.push(...duplicates(sets));
  if (aggregates > 0)
    diagnostics.push({
      level: 'info',
      message: `Skipped ${aggregates} ${aggregates === 1 ? 'count' : 'counts'} shown outside any set (totals or charts).`,
    });
  return {
    read: {
      isLicensesPage: true,
      complete: sets.length > 0 && !loading && unplaced === 0 && !truncated,
      organization,
      tracks,
      sets,
      diagnostics,
    },
    rows: read.map(({ set, element, nameElement }) => ({ set, element, nameElement })),
  };
}

/** A table's group rows as events: "Active" groups the rows below it, a track name heads them. */
function groupRowEvents(table: Table, tokens: Tokens): GroupEvent[] {
  return table.groupRows.map((group) => {
    const kind = eventKind(joinText(tokens, span(group.start, group.end)));
    return { pos: group.start, end: table.end, level: kind.kind === 'status' ? 10 : 9, ...kind };
  });
}

/** Ids shared by several rows are not ids (a link to a common page, say): cleared. */
function uniqueIds(sets: { id?: string | null }[]): void {
  const seen = new Map<string, number>();
  for (const set of sets) if (set.id) seen.set(set.id, (seen.get(set.id) ?? 0) + 1);
  for (const set of sets) if (set.id && (seen.get(set.id) ?? 0) > 1) set.id = null;
}

/** Rows with the same track and name and no id to tell them apart: kept, and said. */
function duplicates(sets: { track: string; name: string; id?: string | null }[]): Diagnostic[] {
  const groups = new Map<string, number>();
  for (const set of sets) {
    if (set.id) continue;
    const key = `${set.track}\u0000${set.name}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const out: Diagnostic[] = [];
  for (const [key, count] of groups) {
    if (count < 2) continue;
    const [track, name] = key.split('\u0000');
    out.push({
      level: 'warning',
      message: `${count} rows are named '${name}'${track ? ` in ${track}` : ''}; all ${count} were kept.`,
    });
  }
  return out;
}

function notThisPage(organization: string | null, titled: boolean): PageRead {
  return {
    isLicensesPage: false,
    complete: false,
    organization,
    tracks: [],
    sets: [],
    diagnostics: [
      {
        level: 'info',
        message: titled
          ? 'The page has a Licenses title but shows no status groups or license counts yet.'
          : 'This is not the Manage Licenses page: no "Manage Licenses" heading.',
      },
    ],
  };
}

/**
 * Tables of license sets (a <table> or an ARIA table/grid) whose column headers name a licenses
 * or assigned column: each body row is a set, read by its column headers; a row with a single
 * spanning cell is a group row ("Active", "No expired license sets", a track's name).
 */
import { rangeOf } from './positions';
import type { Tokens } from './walk';

export type Column =
  | 'name'
  | 'licenses'
  | 'assigned'
  | 'completed'
  | 'assignedOrCompleted'
  | 'start'
  | 'end'
  | 'dates'
  | 'status'
  | 'track'
  | 'other';

export interface TableRow {
  el: Element;
  /** Token indices per column of the row, in order. */
  cells: { column: Column; tokens: number[] }[];
  start: number;
  end: number;
}

export interface GroupRow {
  el: Element;
  start: number;
  end: number;
}

export interface Table {
  el: Element;
  start: number;
  end: number;
  rows: TableRow[];
  groupRows: GroupRow[];
}

/** What a column holds, from its header's words. */
export function columnOf(header: string): Column {
  const h = header.toLowerCase();
  const assigned = /(?<!un)assigned/.test(h);
  const completed = /complet/.test(h);
  if (assigned && completed) return 'assignedOrCompleted';
  if (assigned) return 'assigned';
  if (completed) return 'completed';
  if (/unassigned|available|remaining|consumed|unused/.test(h)) return 'other';
  if (/licen[cs]es|seats|allocated|quantity|purchased/.test(h)) return 'licenses';
  const start = /start|begin|effective/.test(h);
  const end = /\bend|expir|through|until/.test(h);
  if (start && end) return 'dates';
  if (start) return 'start';
  if (end) return 'end';
  if (/dates?\b|term|period|duration|valid/.test(h)) return 'dates';
  if (/status|group/.test(h)) return 'status';
  if (/^(?:licen[cs]e\s+)?(?:track|product|course)$/.test(h.trim())) return 'track';
  if (/name|licen[cs]e set|\bset\b|cohort|product|track/.test(h)) return 'name';
  return 'other';
}

const CELL = 'td,th,[role="cell"],[role="gridcell"],[role="rowheader"],[role="columnheader"]';
const ROW = 'tr,[role="row"]';
const TABLE = 'table,[role="table"],[role="grid"],[role="treegrid"]';

function cellsOf(row: Element): Element[] {
  const direct = [...row.children].filter((c) => c.matches(CELL));
  if (direct.length > 0) return direct;
  return [...row.querySelectorAll(CELL)].filter((c) => c.closest(ROW) === row);
}

function span(cell: Element): number {
  const n = Number(cell.getAttribute('colspan') ?? cell.getAttribute('aria-colspan') ?? 1);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 100) : 1;
}

/** The table's header row and its columns, or null when no header names a count column. */
function headerOf(table: Element, textOf: (el: Element) => string): { row: Element; columns: Column[] } | null {
  for (const row of table.querySelectorAll(ROW)) {
    if (row.closest(TABLE) !== table) continue;
    const cells = cellsOf(row);
    const headers = cells.filter((c) => c.localName === 'th' || c.getAttribute('role') === 'columnheader');
    if (headers.length < 2 || headers.length < cells.length) continue;
    const columns: Column[] = [];
    for (const cell of cells) for (let i = 0; i < span(cell); i++) columns.push(columnOf(textOf(cell)));
    if (!columns.some((c) => c === 'licenses' || c === 'assigned' || c === 'assignedOrCompleted')) return null;
    if (!columns.includes('name')) {
      // No "Name" header: the first column that is not a count, date or status names the set.
      const first = columns.indexOf('other');
      if (first >= 0) columns[first] = 'name';
    }
    return { row, columns };
  }
  return null;
}

/** Every licenses table on the page with its rows read into cells. */
export function findTables(
  doc: Document,
  tokens: Tokens,
  roles: Map<Element, string>,
  textOf: (el: Element) => string,
): Table[] {
  const tables: Table[] = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return tables;
  const candidates: Element[] = [...root.getElementsByTagName('table')];
  for (const [el, role] of roles) if (role === 'table' || role === 'grid' || role === 'treegrid') candidates.push(el);
  for (const el of candidates) {
    if (tables.some((t) => t.el.contains(el))) continue;
    const header = headerOf(el, textOf);
    if (!header) continue;
    const [start, end] = rangeOf(tokens, el);
    // Tokens by cell, in one pass over the table's text.
    const byCell = new Map<Element, number[]>();
    for (let i = start; i < end; i++) {
      const cell = tokens.parents[i].closest(CELL);
      if (!cell) continue;
      const list = byCell.get(cell);
      if (list) list.push(i);
      else byCell.set(cell, [i]);
    }
    const table: Table = { el, start, end, rows: [], groupRows: [] };
    for (const row of el.querySelectorAll(ROW)) {
      if (row === header.row || row.closest(TABLE) !== el || row.closest('thead')) continue;
      if (header.row.compareDocumentPosition(row) & 2 /* PRECEDING */) continue;
      const cells = cellsOf(row);
      const shown = cells.filter((c) => byCell.has(c));
      if (shown.length === 0) continue;
      const rowStart = byCell.get(shown[0])![0];
      const lastCell = byCell.get(shown[shown.length - 1])!;
      const rowEnd = lastCell[lastCell.length - 1] + 1;
      const first = shown[0];
      const isGroup =
        shown.length === 1 &&
        (cells.length === 1 || span(first) > 1 || /rowgroup|colgroup/.test(first.getAttribute('scope') ?? ''));
      if (isGroup) {
        table.groupRows.push({ el: row, start: rowStart, end: rowEnd });
        continue;
      }
      const read: TableRow = { el: row, cells: [], start: rowStart, end: rowEnd };
      let column = 0;
      for (const cell of cells) {
        read.cells.push({ column: header.columns[column] ?? 'other', tokens: byCell.get(cell) ?? [] });
        column += span(cell);
      }
      table.rows.push(read);
    }
    tables.push(table);
  }
  return tables.sort((a, b) => a.start - b.start);
}

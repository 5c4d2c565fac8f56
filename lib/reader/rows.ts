/**
 * Finds the set rows: each line that shows a license count ("60 licenses", "Licenses: 60")
 * anchors one row, and the row is the largest element around the anchor that holds no other
 * anchor and no group heading. That is the card, list item or table row of one set, whatever
 * the markup, because the rows of a list are siblings under the element that holds them all.
 *
 * Ancestors are marked once per anchor and climbs stop at the first shared one, so the work is
 * linear in the number of rows times the nesting depth, never quadratic.
 */
import { isInline } from './lines';
import { rangeAround } from './positions';
import type { Tokens } from './walk';

export interface Anchor {
  /** The anchor line's first token. */
  token: number;
  el: Element;
}

export interface Row {
  el: Element;
  /** Token range of the row, and ranges inside it that belong to rows nested in it (broken markup). */
  start: number;
  end: number;
  holes: [number, number][];
  /** The anchor that found the row. */
  anchor: Anchor;
}

const HARD_STOPS = new Set(['body', 'html', 'main', 'table', 'tbody', 'thead', 'tfoot', 'dialog', 'nav']);
const STOP_ROLES = new Set(['main', 'table', 'grid', 'treegrid', 'rowgroup', 'tabpanel', 'tablist', 'dialog']);

/** Roles of the page's elements (scan.ts), so climbs read no attributes. */
type Roles = Map<Element, string>;

/** A container that groups rows: a row never grows to include it. */
function isStop(el: Element, roles: Roles): boolean {
  if (HARD_STOPS.has(el.localName)) return true;
  const role = roles.get(el);
  return role !== undefined && STOP_ROLES.has(role);
}

function isRowElement(el: Element, roles: Roles): boolean {
  return el.localName === 'tr' || roles.get(el) === 'row';
}

/** Marks every ancestor of each start element; ancestors reached twice (and theirs) are shared. */
export function markShared(starts: Element[]): { seen: Set<Element>; shared: Set<Element> } {
  const seen = new Set<Element>();
  const shared = new Set<Element>();
  for (const start of starts) {
    for (let x: Element | null = start; x; x = x.parentElement) {
      if (seen.has(x)) {
        for (let y: Element | null = x; y && !shared.has(y); y = y.parentElement) shared.add(y);
        break;
      }
      seen.add(x);
    }
  }
  return { seen, shared };
}

/** Every ancestor of the given elements (the elements included). */
export function ancestorsOf(elements: Iterable<Element>): Set<Element> {
  const marked = new Set<Element>();
  for (const el of elements) {
    for (let x: Element | null = el; x && !marked.has(x); x = x.parentElement) marked.add(x);
  }
  return marked;
}

interface Climbed {
  el: Element;
  /** The climb stopped under an inline element that holds a block: markup broken around this row. */
  broken: boolean;
}

/** Climbs from an anchor to the largest element that is still only this set's. */
function climb(start: Element, shared: Set<Element>, blocked: Set<Element>, roles: Roles): Climbed {
  let x = start;
  for (;;) {
    if (isRowElement(x, roles)) return { el: x, broken: false };
    const p = x.parentElement;
    if (!p || shared.has(p) || blocked.has(p) || isStop(p, roles)) return { el: x, broken: false };
    // A block inside a phrasing element (not a link, which may wrap a whole card) is broken
    // markup: that parent holds more than this row.
    if (isInline(p) && !isInline(x) && p.localName !== 'a') return { el: x, broken: true };
    // The only item of a list is the row, not the list (a group with one set).
    if (x.localName === 'li' && p.childElementCount === 1) return { el: x, broken: false };
    x = p;
  }
}

const MAX_BROKEN = 50;

/**
 * The rows of the given anchors. `blocked` holds elements that contain a group heading (a row
 * never includes one). In broken markup (a row's block nested in the previous row's inline
 * element, as unclosed tags leave it) the previous row grows around the nested one, which
 * becomes a hole in it.
 */
export function findRows(tokens: Tokens, anchors: Anchor[], blocked: Set<Element>, roles: Roles): Row[] {
  // Two counts in one element are one row's, not two rows.
  const { shared } = markShared([...new Set(anchors.map((a) => a.el))]);
  const byElement = new Map<Element, Row>();
  const byAnchor = new Map<Anchor, Row>();
  const broken: Row[] = [];
  for (const anchor of anchors) {
    const climbed = climb(anchor.el, shared, blocked, roles);
    const known = byElement.get(climbed.el);
    if (known) {
      byAnchor.set(anchor, known);
      continue;
    }
    const [start, end] = rangeAround(tokens, climbed.el, anchor.token);
    const row = { el: climbed.el, start, end, holes: [], anchor };
    byElement.set(climbed.el, row);
    byAnchor.set(anchor, row);
    if (climbed.broken) broken.push(row);
  }
  for (const nested of broken.slice(0, MAX_BROKEN))
    growAround(tokens, anchors, nested, broken, byElement, byAnchor, blocked, roles);
  return [...new Set(byAnchor.values())].sort((a, b) => a.start - b.start);
}

/** Grows the row before a nested row around it (see findRows). */
function growAround(
  tokens: Tokens,
  anchors: Anchor[],
  nested: Row,
  broken: Row[],
  byElement: Map<Element, Row>,
  byAnchor: Map<Anchor, Row>,
  blocked: Set<Element>,
  roles: Roles,
): void {
  const before = anchors.filter((a) => a.token < nested.start).pop();
  const old = before && byAnchor.get(before);
  if (!before || !old || old === nested) return;
  const inBroken = (a: Anchor) => a === before || broken.some((b) => b.el.contains(a.el));
  let x = old.el;
  for (;;) {
    const p = x.parentElement;
    if (!p || blocked.has(p) || isStop(p, roles) || isRowElement(x, roles)) break;
    if (!anchors.every((a) => !p.contains(a.el) || inBroken(a))) break;
    x = p;
  }
  if (x === old.el) return;
  const [start, end] = rangeAround(tokens, x, before.token);
  const holes = broken
    .filter((b) => b !== old && x.contains(b.el))
    .map((b): [number, number] => [b.start, b.end])
    .sort((a, b) => a[0] - b[0]);
  const grown: Row = { el: x, start, end, holes, anchor: before };
  byElement.delete(old.el);
  byElement.set(x, grown);
  for (const [anchor, row] of byAnchor) if (row === old) byAnchor.set(anchor, grown);
}

/**
 * Places one chip beside each set row, right after the set's name, and keeps exactly one there:
 * chips are keyed by the set, reused while their row stays, moved or rebuilt when the page
 * re-renders the row, and removed when the row goes. A sweep removes any chip host the layer does
 * not own (for example one the page copied along with a row), so nothing is ever duplicated.
 */
import type { CalendarDate } from '../../lib/dates';
import type { LicenseSet } from '../../lib/license';
import { type ChipModel, chipModel } from './chip-model';
import { createHost, el, HOST_ATTRIBUTE } from './shadow';
import { CHIP_CSS } from './styles';

/** A set the reader found and the page element it came from (never sent over messaging). */
export interface OverlayRow {
  set: LicenseSet;
  element: Element;
  /** The element whose text is the set's name, when the reader knows it. */
  nameElement?: Element | null;
}

export const CHIP_TAG = 'letrs-tracker-chip';
/** The host attribute value of a chip; the set's key is in `data-letrs-key`. */
export const CHIP_KIND = 'chip';

interface Placement {
  /** The node the chip follows, or the element the chip is appended to. */
  anchor: Node;
  mode: 'after' | 'inside';
}

interface Entry {
  host: HTMLElement;
  root: ShadowRoot;
  /** The row element and the spot the chip was placed at. */
  element: Element;
  placement: Placement;
  /** What the chip shows now, to skip re-rendering an unchanged chip. */
  signature: string;
}

/** Separates the parts of a key: a control character no page text is read with. */
export const KEY_SEPARATOR = '\u001f';

/** The key of a set on the page: organization, track and id (or name), as the cache keys sets. */
export function rowKey(set: Pick<LicenseSet, 'organization' | 'track' | 'id' | 'name'>): string {
  const who = set.id ? `id:${set.id}` : `name:${set.name}`;
  return `${set.organization ?? ''}${KEY_SEPARATOR}${set.track}${KEY_SEPARATOR}${who}`;
}

/** The overlay's elements of one kind, found by tag (a fast, cached lookup even on a huge page). */
function ownHosts(doc: Document, tag: string): Element[] {
  return [...doc.getElementsByTagName(tag)].filter((host) => host.hasAttribute(HOST_ATTRIBUTE));
}

const normal = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'CITE',
  'CODE',
  'EM',
  'I',
  'LABEL',
  'SMALL',
  'SPAN',
  'STRONG',
  'U',
]);

function isInline(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  const display = view?.getComputedStyle(element).display;
  return display ? display === 'inline' : INLINE_TAGS.has(element.tagName);
}

function insideOverlay(node: Node): boolean {
  return node.parentElement?.closest(`[${HOST_ATTRIBUTE}]`) != null;
}

/** The row's first text that shows something. */
function firstText(row: Element): Node | null {
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (normal(node.nodeValue) && !insideOverlay(node) && !node.parentElement?.closest('script,style,title'))
      return node;
  }
  return null;
}

/** The deepest element in `row` whose whole text is the name, or the text node that holds it. */
function findName(row: Element, name: string): Node | null {
  const doc = row.ownerDocument;
  const walker = doc.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  let partial: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (insideOverlay(node)) continue;
    const text = normal(node.nodeValue);
    if (text === name) return node;
    if (!partial && text.includes(name)) partial = node;
  }
  if (partial) return partial;
  // The name may be split across elements: <a>LETRS <b>Units</b> 1-4</a>.
  for (const element of row.querySelectorAll('*')) {
    if (normal(element.textContent) === name) {
      let deepest: Element = element;
      for (let child = deepest.firstElementChild; child; ) {
        if (normal(child.textContent) === name) {
          deepest = child;
          child = deepest.firstElementChild;
        } else child = child.nextElementSibling;
      }
      return deepest;
    }
  }
  return null;
}

/**
 * Where the chip goes: after an inline name element (a link), right after the name's text inside a
 * block, at the end of a block name element, and after the row's first text when no name is found.
 */
export function placementFor(row: OverlayRow): Placement {
  const named =
    row.nameElement && row.element.contains(row.nameElement)
      ? row.nameElement
      : findName(row.element, normal(row.set.name));
  if (!named) {
    // No name to follow: after the row's first text, which keeps the chip inside a cell of a
    // table or grid row (a new child of the row itself would become a cell or grid item).
    const first = firstText(row.element);
    return first ? { anchor: first, mode: 'after' } : { anchor: row.element, mode: 'inside' };
  }
  if (named.nodeType !== 1) {
    // A text node: follow it inside its element when that element is the row or a block.
    const parent = named.parentElement;
    if (!parent || parent === row.element || !isInline(parent)) return { anchor: named, mode: 'after' };
    return { anchor: parent, mode: 'after' };
  }
  const element = named as Element;
  return isInline(element) && element !== row.element
    ? { anchor: element, mode: 'after' }
    : { anchor: element, mode: 'inside' };
}

function isPlaced(host: HTMLElement, placement: Placement): boolean {
  if (!host.isConnected || !placement.anchor.isConnected) return false;
  return placement.mode === 'after'
    ? host.previousSibling === placement.anchor
    : host.parentNode === placement.anchor && host.nextSibling === null;
}

function place(host: HTMLElement, placement: Placement): void {
  if (placement.mode === 'after') (placement.anchor as ChildNode).after(host);
  else (placement.anchor as Element).append(host);
}

function fill(doc: Document, root: ShadowRoot, model: ChipModel): void {
  const chip = el(doc, 'span', 'chip');
  chip.title = model.label;
  for (const [i, part] of model.parts.entries()) {
    const pill = el(doc, 'span', `part tone-${part.tone} kind-${part.kind}`, part.text);
    if (i > 0) pill.prepend(el(doc, 'span', 'sr', '; '));
    if (part.kind === 'unassigned') pill.append(el(doc, 'span', 'sr', ' licenses at risk'));
    chip.append(pill);
  }
  root.querySelector('.chip')?.remove();
  root.append(chip);
}

interface Planned {
  key: string;
  row: OverlayRow;
}

/** Up to this many rows get their chips at once; a longer page gets them as rows come near the viewport. */
export const EAGER_ROWS = 300;

const isHidden = (rect: DOMRect) => rect.width === 0 && rect.height === 0;

/**
 * The indices of the rows within one viewport height above or below the visible area. Rows are
 * taken to be in vertical order in document order (a list page), so a binary search finds the
 * first one and the walk stops at the first row below: a few dozen layout reads, not 5,000.
 * Hidden rows (no box) are skipped; they get their chips on a later read once shown.
 */
export function nearRows(elements: readonly Element[], viewportHeight: number): number[] {
  const margin = viewportHeight;
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const rect = elements[mid].getBoundingClientRect();
    if (!isHidden(rect) && rect.bottom < -margin) lo = mid + 1;
    else hi = mid;
  }
  const near: number[] = [];
  for (let i = lo; i < elements.length; i++) {
    const rect = elements[i].getBoundingClientRect();
    if (isHidden(rect)) continue;
    if (rect.top > viewportHeight + margin) break;
    if (rect.bottom >= -margin) near.push(i);
  }
  return near;
}

/**
 * The chips of one document. `sync` is idempotent: the same rows twice leave the page as it was.
 * On pages with more than EAGER_ROWS rows only the rows near the viewport get their chips, and
 * scrolling renders the next ones before they show: a 5,000-set page pays for the few dozen
 * rows on screen, not for 5,000 chips.
 */
export class ChipLayer {
  private readonly entries = new Map<string, Entry>();
  private plan: Planned[] = [];
  private today: CalendarDate = '';
  private warningWindow = 0;
  private listening = false;
  private frame: number | null = null;
  private readonly onScroll = () => {
    const view = this.doc.defaultView;
    if (this.frame !== null || !view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = null;
      this.render(this.near());
    });
  };

  constructor(private readonly doc: Document) {}

  /** Makes the chips match `rows`: one per row, beside its name; every other chip removed. */
  sync(rows: readonly OverlayRow[], today: CalendarDate, warningWindow: number): void {
    this.today = today;
    this.warningWindow = warningWindow;
    const seen = new Map<string, number>();
    this.plan = rows.map((row) => {
      const base = rowKey(row.set);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { key: n === 1 ? base : `${base}#${n}`, row };
    });
    const lazy = rows.length > EAGER_ROWS && this.doc.defaultView !== null;
    const now = lazy ? this.near() : this.plan;
    const live = new Set<HTMLElement>();
    if (lazy) {
      // Rows further away keep the chip they have (it is brought up to date when they come near).
      for (const { key, row } of this.plan) {
        const entry = this.entries.get(key);
        if (entry?.element === row.element) live.add(entry.host);
      }
    }
    this.render(now);
    for (const { key } of now) {
      const entry = this.entries.get(key);
      if (entry) live.add(entry.host);
    }
    for (const [key, entry] of this.entries) {
      if (!live.has(entry.host)) {
        entry.host.remove();
        this.entries.delete(key);
      }
    }
    for (const host of ownHosts(this.doc, CHIP_TAG)) if (!live.has(host as HTMLElement)) host.remove();
    this.listen(lazy);
  }

  /** Removes every chip and stops following the scroll. */
  remove(): void {
    this.listen(false);
    this.plan = [];
    for (const entry of this.entries.values()) entry.host.remove();
    this.entries.clear();
    for (const host of ownHosts(this.doc, CHIP_TAG)) host.remove();
  }

  private near(): Planned[] {
    const height = this.doc.defaultView?.innerHeight ?? 0;
    return nearRows(
      this.plan.map((p) => p.row.element),
      height,
    ).map((i) => this.plan[i]);
  }

  /** Scrolling the page or any scrolling box in it (capture: scroll events do not bubble), and resizing. */
  private listen(on: boolean): void {
    const view = this.doc.defaultView;
    if (on === this.listening || !view) return;
    this.listening = on;
    const options = { capture: true, passive: true };
    if (on) {
      this.doc.addEventListener('scroll', this.onScroll, options);
      view.addEventListener('resize', this.onScroll, options);
    } else {
      this.doc.removeEventListener('scroll', this.onScroll, options);
      view.removeEventListener('resize', this.onScroll, options);
      if (this.frame !== null) view.cancelAnimationFrame(this.frame);
      this.frame = null;
    }
  }

  /**
   * Creates, updates or moves the chips of `planned`. Reads everything first (placement may ask
   * for computed styles), then writes, so the page's style is recalculated once, not once per row.
   */
  private render(planned: readonly Planned[]): void {
    const steps = planned.map(({ key, row }) => {
      const model = chipModel(row.set, this.today, this.warningWindow);
      const entry = this.entries.get(key);
      const kept =
        entry?.element === row.element &&
        isPlaced(entry.host, entry.placement) &&
        row.element.contains(entry.placement.anchor);
      return { key, row, model, placement: kept && entry ? entry.placement : placementFor(row) };
    });
    for (const { key, row, model, placement } of steps) {
      const signature = model.label + model.parts.map((p) => p.tone).join();
      let entry = this.entries.get(key);
      if (!entry) {
        const { host, root } = createHost(this.doc, CHIP_TAG, CHIP_KIND, CHIP_CSS);
        host.setAttribute('data-letrs-key', key);
        entry = { host, root, element: row.element, placement, signature: '' };
        this.entries.set(key, entry);
      }
      if (entry.signature !== signature) {
        fill(this.doc, entry.root, model);
        entry.signature = signature;
      }
      if (!isPlaced(entry.host, placement)) place(entry.host, placement);
      entry.element = row.element;
      entry.placement = placement;
    }
  }
}

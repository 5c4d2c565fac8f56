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
  /** What the chip shows now, to skip re-rendering an unchanged chip. */
  signature: string;
}

/** The key of a set on the page: organization, track and id (or name). Same shape as the cache's key. */
export function rowKey(set: Pick<LicenseSet, 'organization' | 'track' | 'id' | 'name'>): string {
  return JSON.stringify([set.organization ?? '', set.track, set.id ? `id:${set.id}` : `name:${set.name}`]);
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
 * block, at the end of a block name element, and at the row's end when no name is found.
 */
export function placementFor(row: OverlayRow): Placement {
  const named =
    row.nameElement && row.element.contains(row.nameElement)
      ? row.nameElement
      : findName(row.element, normal(row.set.name));
  if (!named) return { anchor: row.element, mode: 'inside' };
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

function render(doc: Document, root: ShadowRoot, model: ChipModel): void {
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

/** The chips of one document. `sync` is idempotent: the same rows twice leave the page as it was. */
export class ChipLayer {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly doc: Document) {}

  /** Makes the chips match `rows`: one per row, beside its name; every other chip removed. */
  sync(rows: readonly OverlayRow[], today: CalendarDate, warningWindow: number): void {
    // Read everything first (placement may ask for computed styles), then write, so the page's
    // style is recalculated once and not once per row.
    const seen = new Map<string, number>();
    const planned = rows.map((row) => {
      const base = rowKey(row.set);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        key: n === 1 ? base : `${base}#${n}`,
        model: chipModel(row.set, today, warningWindow),
        placement: placementFor(row),
      };
    });
    const live = new Set<HTMLElement>();
    for (const { key, model, placement } of planned) {
      const signature = model.label + model.parts.map((p) => p.tone).join();
      let entry = this.entries.get(key);
      if (!entry) {
        const { host, root } = createHost(this.doc, CHIP_TAG, CHIP_KIND, CHIP_CSS);
        host.setAttribute('data-letrs-key', key);
        entry = { host, root, signature: '' };
        this.entries.set(key, entry);
      }
      if (entry.signature !== signature) {
        render(this.doc, entry.root, model);
        entry.signature = signature;
      }
      if (!isPlaced(entry.host, placement)) place(entry.host, placement);
      live.add(entry.host);
    }
    for (const [key, entry] of this.entries) {
      if (!live.has(entry.host)) {
        entry.host.remove();
        this.entries.delete(key);
      }
    }
    for (const host of this.doc.querySelectorAll(`${CHIP_TAG}[${HOST_ATTRIBUTE}]`)) {
      if (!live.has(host as HTMLElement)) host.remove();
    }
  }

  /** Removes every chip. */
  remove(): void {
    for (const entry of this.entries.values()) entry.host.remove();
    this.entries.clear();
    for (const host of this.doc.querySelectorAll(`${CHIP_TAG}[${HOST_ATTRIBUTE}]`)) host.remove();
  }
}

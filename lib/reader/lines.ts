/**
 * Whether two texts sit on one line as laid out: text in the same block, joined by inline
 * elements (a, b, span, …), is one line; a block element, a line break, an icon or a button
 * between them starts a new one. Decided from tag names and siblings only, never from computed
 * style (which would force a layout), and only where the reader needs it (names, headings).
 */
import { clean } from './text';
import type { Tokens } from './walk';

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

export function isInline(node: Node): boolean {
  return node.nodeType !== 1 || INLINE.has((node as Element).localName);
}

/** No block element or line break among the siblings strictly between `from` and `to`. */
function flowsTo(from: Node, to: Node): boolean {
  for (let s = from.nextSibling; s && s !== to; s = s.nextSibling) {
    if (s.nodeType === 1 && !INLINE.has((s as Element).localName)) return false;
  }
  return true;
}

/** Whether token b continues token a's line (b directly follows a among the page's text). */
export function sameLine(tokens: Tokens, a: number, b: number): boolean {
  const pa = tokens.parents[a];
  const pb = tokens.parents[b];
  if (pa === pb) return flowsTo(tokens.nodes[a], tokens.nodes[b]);
  const gpa = pa.parentNode;
  // <b>60</b> licenses
  if (gpa === pb) return INLINE.has(pa.localName) && flowsTo(pa, tokens.nodes[b]);
  // Licenses: <b>60</b>
  if (pb.parentNode === pa) return INLINE.has(pb.localName) && flowsTo(tokens.nodes[a], pb);
  // <a>Name</a><span>State-owned</span>
  if (gpa && gpa === pb.parentNode) return INLINE.has(pa.localName) && INLINE.has(pb.localName) && flowsTo(pa, pb);
  return false;
}

/** One past the last token of the line that starts at `start`, not beyond `end`. */
export function lineEnd(tokens: Tokens, start: number, end: number): number {
  let i = start + 1;
  while (i < end && sameLine(tokens, i - 1, i)) i++;
  return i;
}

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Joins tokens as they read. Words from different elements with nothing between them get a
 * space ("Allocation" + "State-owned" badge), symbols do not ("LETRS" + "®").
 */
export function joinText(tokens: Tokens, indices: Iterable<number>): string {
  let text = '';
  let previous: Element | null = null;
  for (const i of indices) {
    const raw = tokens.raws[i];
    const parent = tokens.parents[i];
    if (previous && previous !== parent && WORD_END.test(text) && WORD_START.test(raw)) text += ' ';
    text += raw;
    previous = parent;
  }
  return clean(text);
}

/** The indices start..end-1 (for joinText). */
export function span(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}

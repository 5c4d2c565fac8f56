/**
 * Groups text tokens into lines, as they would be laid out: text in the same block, joined by
 * inline elements (a, b, span, …), is one line; a block element, a line break, an icon or a
 * button between them starts a new one. Decided from tag names and siblings only, never from
 * computed style (which would force a layout).
 */
import { clean } from './text';
import type { Token } from './walk';

export interface Line {
  /** Index of the first token. */
  first: number;
  /** Index one past the last token. */
  end: number;
  /** The line's cleaned text. */
  text: string;
}

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
function sameLine(a: Token, b: Token): boolean {
  const pa = a.parent;
  const pb = b.parent;
  if (pa === pb) return flowsTo(a.node, b.node);
  const gpa = pa.parentNode;
  // <b>60</b> licenses
  if (gpa === pb) return INLINE.has(pa.localName) && flowsTo(pa, b.node);
  // Licenses: <b>60</b>
  if (pb.parentNode === pa) return INLINE.has(pb.localName) && flowsTo(a.node, pb);
  // <a>Name</a><span>State-owned</span>
  if (gpa && gpa === pb.parentNode) return INLINE.has(pa.localName) && INLINE.has(pb.localName) && flowsTo(pa, pb);
  return false;
}

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Joins a line's tokens. Words from different elements with nothing between them get a space
 * ("Allocation" + "State-owned" badge), symbols do not ("LETRS" + "®").
 */
function lineText(tokens: Token[], first: number, end: number): string {
  if (end - first === 1) return clean(tokens[first].raw);
  let text = tokens[first].raw;
  for (let i = first + 1; i < end; i++) {
    const next = tokens[i].raw;
    const glued = tokens[i].parent !== tokens[i - 1].parent && WORD_END.test(text) && WORD_START.test(next);
    text += glued ? ` ${next}` : next;
  }
  return clean(text);
}

/** The page's lines; `lineOf[i]` is the line of token i. */
export function groupLines(tokens: Token[]): { lines: Line[]; lineOf: Int32Array } {
  const lines: Line[] = [];
  const lineOf = new Int32Array(tokens.length);
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && sameLine(tokens[i - 1], tokens[i])) continue;
    if (first < i) {
      const index = lines.length;
      lines.push({ first, end: i, text: lineText(tokens, first, i) });
      lineOf.fill(index, first, i);
    }
    first = i;
  }
  return { lines, lineOf };
}

/**
 * Where an element sits in the token list, found by binary search with compareDocumentPosition
 * (a few native calls per element, instead of a map over every element of the page).
 */
import type { Token } from './walk';

const FOLLOWING = 4;
const CONTAINED_BY = 16;

/** Index of the first token inside or after `el` (tokens.length when there is none). */
export function startOf(tokens: Token[], el: Node): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (el.compareDocumentPosition(tokens[mid].node) & FOLLOWING) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first token after `el` and outside it. */
export function endOf(tokens: Token[], el: Node, from = 0): number {
  let lo = from;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const position = el.compareDocumentPosition(tokens[mid].node);
    if (position & FOLLOWING && !(position & CONTAINED_BY)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The token range [start, end) of the text inside `el`. */
export function rangeOf(tokens: Token[], el: Node): [number, number] {
  const start = startOf(tokens, el);
  return [start, endOf(tokens, el, start)];
}

/** The tokens around token `i` that lie inside `el`, found by walking outwards (cheap for small rows). */
export function rangeAround(tokens: Token[], el: Node, i: number): [number, number] {
  let start = i;
  while (start > 0 && el.contains(tokens[start - 1].node)) start--;
  let end = i + 1;
  while (end < tokens.length && el.contains(tokens[end].node)) end++;
  return [start, end];
}

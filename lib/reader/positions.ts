/**
 * Where an element sits in the token list, found by binary search with compareDocumentPosition
 * (a few native calls per element, instead of a map over every element of the page).
 */
import type { Tokens } from './walk';

const FOLLOWING = 4;
const CONTAINED_BY = 16;

/** Index of the first token inside or after `el` (the token count when there is none). */
export function startOf(tokens: Tokens, el: Node): number {
  const { nodes } = tokens;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (el.compareDocumentPosition(nodes[mid]) & FOLLOWING) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first token after `el` and outside it. */
export function endOf(tokens: Tokens, el: Node, from = 0): number {
  const { nodes } = tokens;
  let lo = from;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const position = el.compareDocumentPosition(nodes[mid]);
    if (position & FOLLOWING && !(position & CONTAINED_BY)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The token range [start, end) of the text inside `el`. */
export function rangeOf(tokens: Tokens, el: Node): [number, number] {
  const start = startOf(tokens, el);
  return [start, endOf(tokens, el, start)];
}

/** The tokens around token `i` that lie inside `el`, found by walking outwards (cheap for small rows). */
export function rangeAround(tokens: Tokens, el: Node, i: number): [number, number] {
  const { nodes } = tokens;
  let start = i;
  while (start > 0 && el.contains(nodes[start - 1])) start--;
  let end = i + 1;
  while (end < nodes.length && el.contains(nodes[end])) end++;
  return [start, end];
}

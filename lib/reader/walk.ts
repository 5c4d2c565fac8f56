/**
 * One pass over the page's text, in document order, skipping what a person does not see as
 * page content: script, style, template, noscript, iframes, form controls' option lists, SVG
 * (its accessible name is read separately), the `hidden` attribute, aria-hidden decorations,
 * inline display:none, and the extension's own overlay. Hidden tab panels are kept: their sets
 * are on the page, one click away.
 *
 * Speed matters (5,000 rows must read in about three plain text walks), so this walks text nodes
 * only with a native TreeWalker and jumps over each hidden subtree found by one querySelectorAll,
 * instead of asking every element for its attributes or computed style (innerText and
 * getComputedStyle would force a layout).
 */
import { SHOWS_TEXT } from './text';

/** One piece of displayed text: a text node and its parent element. */
export interface Token {
  node: Text;
  parent: Element;
  /** The node's text as written (not yet cleaned). */
  raw: string;
}

const SKIPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'select',
  'textarea',
  'svg',
  'math',
  '[hidden]',
  '[aria-hidden="true"]',
  '[style*="display:none"]',
  '[style*="display: none"]',
  '[style*="visibility:hidden"]',
  '[style*="visibility: hidden"]',
  '[data-letrs-tracker]',
].join(',');

/** A hidden tab panel is still the page's content (tabs hide the groups not selected). */
function isTabPanel(el: Element, doc: Document): boolean {
  if (el.getAttribute('role') === 'tabpanel') return true;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (!labelledBy) return false;
  return labelledBy.split(/\s+/).some((id) => doc.getElementById(id)?.getAttribute('role') === 'tab');
}

/** Whether an element hides its subtree (SKIPPED, minus tab panels hidden by their tabs). */
export function hidesContent(el: Element, doc: Document): boolean {
  return el.matches(SKIPPED) && !(isTabPanel(el, doc) && !el.matches('script,style,template,svg,iframe'));
}

/** The skipped subtrees in document order, outermost only. */
function skippedRoots(root: Element, doc: Document): Element[] {
  const roots: Element[] = [];
  for (const el of root.querySelectorAll(SKIPPED)) {
    const last = roots[roots.length - 1];
    if (last?.contains(el)) continue;
    if (!hidesContent(el, doc)) continue;
    roots.push(el);
  }
  return roots;
}

function lastDescendant(node: Node): Node {
  let current = node;
  while (current.lastChild) current = current.lastChild;
  return current;
}

/** Every non-blank text node the page shows, in document order. */
export function collectTokens(doc: Document): Token[] {
  const root = doc.body ?? doc.documentElement;
  const tokens: Token[] = [];
  if (!root) return tokens;
  const roots = skippedRoots(root, doc);
  // The first text node inside each skipped root: meeting it means "jump past this root".
  const firstTexts: (Node | null)[] = roots.map((r) => doc.createTreeWalker(r, 4 /* SHOW_TEXT */).nextNode());
  let k = 0;
  while (k < roots.length && !firstTexts[k]) k++;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (k < roots.length && node === firstTexts[k]) {
      walker.currentNode = lastDescendant(roots[k]);
      k++;
      while (k < roots.length && !firstTexts[k]) k++;
      continue;
    }
    const raw = (node as Text).data;
    if (!SHOWS_TEXT.test(raw)) continue;
    const parent = node.parentNode;
    if (parent && parent.nodeType === 1) tokens.push({ node: node as Text, parent: parent as Element, raw });
  }
  return tokens;
}

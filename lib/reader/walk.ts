/**
 * One pass over the page's text, in document order, skipping what a person does not see as page
 * content: script, style, template, noscript, form controls' options, iframes' fallback, the
 * `hidden` attribute, aria-hidden decorations and inline display:none. Hidden tab panels are kept:
 * their sets are on the page, one click away. SVG titles are not text but icon names; they are
 * kept aside (an icon named "Expiring soon" is the page's warning).
 *
 * Speed matters (5,000 rows should read in a few plain text walks), so this walks text nodes only
 * with a native TreeWalker, reads each text's parent tag (which also finds headings), and jumps
 * over the hidden subtrees found by a single attribute query, instead of asking every element for
 * its attributes or computed style (innerText and getComputedStyle would force a layout).
 */

/** The page's text as parallel arrays (one entry per non-blank text node, in document order). */
export interface Tokens {
  nodes: Text[];
  raws: string[];
  parents: Element[];
  /** The heading-like element (h1–h6, summary, caption, legend) a token sits in, directly or through inline elements. */
  headings: (Element | undefined)[];
  /** Names of SVG icons (their <title>), with the index of the token that follows each. */
  icons: { at: number; name: string; el: Element }[];
}

/** Parents whose text is not page text. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'option', 'iframe', 'object', 'desc']);
/** SVG text that is drawing, not content (chart labels would otherwise read as counts). */
const SVG_TEXT = new Set(['text', 'tspan', 'textPath', 'textpath']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary', 'caption', 'legend']);
const INLINE_WRAPPERS = new Set(['a', 'span', 'b', 'strong', 'em', 'i', 'small', 'abbr', 'time', 'mark', 'u', 'sup']);

const STYLE_HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** White space and invisible format characters (zero-width, direction marks, BOM). */
function invisible(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether a text shows anything (most start with a visible character and return at once). */
function shows(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!invisible(text.charCodeAt(i))) return true;
  return false;
}

/** A hidden tab panel is still the page's content (tabs hide the groups not selected). */
function isTabPanel(el: Element, doc: Document): boolean {
  if (el.getAttribute('role') === 'tabpanel') return true;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (!labelledBy) return false;
  return labelledBy.split(/\s+/).some((id) => doc.getElementById(id)?.getAttribute('role') === 'tab');
}

/** Whether an element hides its subtree from people (hidden, aria-hidden, display:none), tab panels aside. */
export function hidesContent(el: Element, doc: Document): boolean {
  const hidden =
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    STYLE_HIDDEN.test(el.getAttribute('style') ?? '');
  return hidden && !isTabPanel(el, doc);
}

function lastDescendant(node: Node): Node {
  let current = node;
  while (current.lastChild) current = current.lastChild;
  return current;
}

/** The heading element a text's parent belongs to, through up to two inline wrappers. */
function headingOf(parent: Element, name: string): Element | undefined {
  if (HEADING_TAGS.has(name)) return parent;
  if (!INLINE_WRAPPERS.has(name)) return undefined;
  const up = parent.parentElement;
  if (!up) return undefined;
  const upName = up.localName;
  if (HEADING_TAGS.has(upName)) return up;
  if (!INLINE_WRAPPERS.has(upName)) return undefined;
  const top = up.parentElement;
  return top && HEADING_TAGS.has(top.localName) ? top : undefined;
}

/** Every non-blank text node the page shows, in document order; `roots` are the hidden subtrees (scan.ts). */
export function collectTokens(doc: Document, roots: Element[]): Tokens {
  const tokens: Tokens = { nodes: [], raws: [], parents: [], headings: [], icons: [] };
  const root = doc.body ?? doc.documentElement;
  if (!root) return tokens;
  // The first text node inside each hidden root: meeting it means "jump past this root".
  const firstTexts = roots.map((r) => doc.createTreeWalker(r, 4 /* SHOW_TEXT */).nextNode());
  let k = 0;
  while (k < roots.length && !firstTexts[k]) k++;
  const { nodes, raws, parents, headings, icons } = tokens;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === firstTexts[k]) {
      walker.currentNode = lastDescendant(roots[k]);
      k++;
      while (k < roots.length && !firstTexts[k]) k++;
      continue;
    }
    const raw = (node as Text).data;
    if (!shows(raw)) continue;
    const parent = node.parentNode as Element | null;
    if (parent?.nodeType !== 1) continue;
    const name = parent.localName;
    if (NOT_TEXT.has(name)) continue;
    if (name === 'title' || SVG_TEXT.has(name)) {
      // Inside an SVG: a <title> names the icon; drawn text is a chart's, not the page's.
      const svg = parent.closest('svg');
      if (svg && name === 'title') icons.push({ at: nodes.length, name: raw, el: svg });
      if (svg) continue;
    }
    nodes.push(node as Text);
    raws.push(raw);
    parents.push(parent);
    headings.push(headingOf(parent, name));
  }
  return tokens;
}

/**
 * One attribute query over the page for everything the reader needs from attributes: hidden
 * subtrees (hidden, aria-hidden, inline display:none, noscript), ARIA roles (headings, tabs, tables,
 * rows, progress bars), accessible names (aria-label, img alt) and busy regions. Attribute
 * queries cost about the same per selector whatever they match, so one query with few
 * selectors, classified here, is the cheapest way to see them.
 */
import { hidesContent } from './walk';

export interface Scan {
  /** Outermost hidden subtrees, in document order (hidden tab panels excluded). */
  hidden: Element[];
  /** Elements with a role, and the role (first token, lower case). */
  roles: Map<Element, string>;
  /** Elements with an aria-label, images with alt text, and role="img" elements. */
  named: Element[];
  /** aria-busy="true" regions. */
  busy: Element[];
}

const SELECTOR =
  '[hidden],[aria-hidden="true"],[style*="none"],[role],[aria-label],[aria-busy="true"],img[alt],noscript,[aria-expanded]';

export function scan(doc: Document): Scan {
  const result: Scan = { hidden: [], roles: new Map(), named: [], busy: [] };
  const root = doc.body ?? doc.documentElement;
  if (!root) return result;
  let lastHidden: Element | null = null;
  for (const el of root.querySelectorAll(SELECTOR)) {
    const role = el.getAttribute('role');
    if (role) result.roles.set(el, role.trim().split(/\s+/)[0].toLowerCase());
    // A native control that opens and closes a group ("Active (2) ▾"): a disclosure.
    else if (el.hasAttribute('aria-expanded')) result.roles.set(el, 'disclosure');
    if (el.hasAttribute('aria-label') || el.localName === 'img' || role === 'img') result.named.push(el);
    if (el.getAttribute('aria-busy') === 'true') result.busy.push(el);
    if (lastHidden?.contains(el)) continue;
    // noscript content is markup only where scripts are off (a saved page read by the parse command).
    // An image's text (an emoji, an icon font's glyph) is replaced by its name, read from `named`.
    if (el.localName === 'noscript' || role === 'img' || hidesContent(el, doc)) {
      result.hidden.push(el);
      lastHidden = el;
    }
  }
  return result;
}

/**
 * What the page is and whose it is: the Manage Licenses title, the organization (from the
 * breadcrumb, an organization switcher or a labelled line) and whether it is still loading.
 */
import type { Label } from './labels';
import { joinText, lineEnd, span } from './lines';
import { rangeOf } from './positions';
import type { Scan } from './scan';
import { clean } from './text';
import type { Tokens } from './walk';
import { BRAND, NOT_TITLE, TITLE } from './words';

function isTitle(text: string): boolean {
  return TITLE.test(text) && !NOT_TITLE.test(text) && text.length <= 80;
}

/** The lines of tokens [from, to), as text. */
export function linesOf(tokens: Tokens, from: number, to: number): string[] {
  const lines: string[] = [];
  for (let i = from; i < to; ) {
    const end = lineEnd(tokens, i, to);
    lines.push(joinText(tokens, span(i, end)));
    i = end;
  }
  return lines;
}

/**
 * The page's title when it names the licenses page: a level-1 heading that says "Licenses"; when
 * the level-1 headings are only the app's or the organization's name, the first level-2 heading.
 * A level-1 heading naming another page (People, an Overview) settles it: not this page. With no
 * heading to go by, the document title, the breadcrumb's last item or a "Manage Licenses" line.
 * Returns the label, 'document' for those fallbacks, or null.
 */
export function findTitle(labels: Label[], doc: Document, crumbs: string[], head: string[]): Label | 'document' | null {
  const headings = labels.filter((l) => l.tag === 'h');
  const top = headings.filter((l) => l.level === 1 && !BRAND.test(l.text));
  const titled = top.find((l) => isTitle(l.text));
  if (titled) return titled;
  if (top.some((l) => NOT_TITLE.test(l.text))) return null;
  const second = headings.find((l) => l.level === 2);
  if (second && isTitle(second.text)) return second;
  const current = crumbs[crumbs.length - 1] ?? '';
  if (/^\s*(?:manage\s+)?licen[cs]es\b/i.test(doc.title ?? '') || /^(?:manage\s+)?licen[cs]es$/i.test(current))
    return 'document';
  if (head.some((line) => /^manage licen[cs]es$/i.test(line))) return 'document';
  return null;
}

const CRUMB_SEPARATORS = /\s*[›»>/|]\s*/;

/** The breadcrumb trail's items, from its visible text. */
export function breadcrumbs(tokens: Tokens, found: Scan): string[] {
  const trail = found.named.find((el) => /breadcrumb/i.test(el.getAttribute('aria-label') ?? ''));
  if (!trail) return [];
  const [start, end] = rangeOf(tokens, trail);
  const crumbs: string[] = [];
  for (let i = start; i < end; i++) {
    for (const part of clean(tokens.raws[i]).split(CRUMB_SEPARATORS)) if (part) crumbs.push(part);
  }
  return crumbs;
}

const OVERVIEW = /^(.+?)\s+(?:(?:district|school|state|organi[sz]ation|network|region|county)\s+)?overview$/i;
const NOT_ORGANIZATION =
  /^(?:home|dashboard|manage|admin|overview|people|licen[cs]es|manage licen[cs]es|.*\bpermissions)$/i;
const LABELLED = /^(?:organi[sz]ation|district|school|state|account)\s*:\s*(.+)$/i;
const TYPED = /^(.+?)\s*[·|–—-]\s*(?:district|school|state|organi[sz]ation)$/i;

function tidy(text: string | null | undefined): string | null {
  const value = clean((text ?? '').replace(/[▾▼⌄⏷]/g, ' '));
  return value && value.length <= 200 ? value : null;
}

/**
 * The organization the page belongs to: "X District Overview" in the breadcrumb, else a crumb
 * that is not a menu word, else an organization switcher (a select or button labelled
 * "Organization"), else a line above the sets "Organization: X", "X · District" or
 * "X District Overview". Null when the page does not say.
 */
export function findOrganization(crumbs: string[], found: Scan, head: string[]): string | null {
  for (const crumb of crumbs) {
    const m = OVERVIEW.exec(crumb);
    if (m) return tidy(m[1]);
  }
  const plain = crumbs.slice(0, -1).find((c) => !NOT_ORGANIZATION.test(c) && !TITLE.test(c));
  if (plain) return tidy(plain);
  for (const el of found.named) {
    if (!/^(?:select|button)$/.test(el.localName) && found.roles.get(el) !== 'combobox') continue;
    if (!/organi[sz]ation|district|school/i.test(el.getAttribute('aria-label') ?? '')) continue;
    const text =
      el.localName === 'select' ? (el as HTMLSelectElement).selectedOptions?.[0]?.textContent : el.textContent;
    const value = tidy(text);
    if (value) return value;
  }
  for (const line of head) {
    const m = LABELLED.exec(line) ?? TYPED.exec(line);
    if (m) return tidy(m[1]);
  }
  for (const line of head) {
    const m = OVERVIEW.exec(line);
    if (m) return tidy(m[1]);
  }
  return null;
}

/**
 * Signs that the app is still fetching: an aria-busy region, an indeterminate progress bar or
 * spinner, or a "Loading…" text. Returns what was seen, for the diagnostic, or null.
 */
export function loadingSign(doc: Document, found: Scan, loadingText: string | null): string | null {
  const shown = (el: Element) =>
    !el.closest('[hidden],[style*="display:none"],[style*="display: none"],template,[data-letrs-tracker]');
  if (found.busy.some(shown)) return 'a region marked busy';
  for (const [el, role] of found.roles) {
    if (role === 'progressbar' && !el.hasAttribute('aria-valuenow') && shown(el)) return 'a progress indicator';
  }
  const root = doc.body ?? doc.documentElement;
  for (const el of root ? root.getElementsByTagName('progress') : []) {
    if (!el.hasAttribute('value') && shown(el)) return 'a progress indicator';
  }
  return loadingText ? `"${loadingText}"` : null;
}

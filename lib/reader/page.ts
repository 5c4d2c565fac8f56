/**
 * What the page is and whose it is: the Manage Licenses title, the organization (from the
 * breadcrumb, an organization switcher or a labelled line) and whether it is still loading.
 */
import type { Label } from './labels';
import type { Line } from './lines';
import { rangeOf } from './positions';
import { clean } from './text';
import type { Token } from './walk';
import { BRAND, NOT_TITLE, TITLE } from './words';

function isTitle(text: string): boolean {
  return TITLE.test(text) && !NOT_TITLE.test(text) && text.length <= 80;
}

/**
 * The page's title when it names the licenses page: a level-1 heading that says "Licenses"; when
 * the level-1 headings are only the app's or the organization's name, the first level-2 heading.
 * A level-1 heading naming another page (People, an Overview) settles it: not this page. With no
 * heading at all, the document title, the breadcrumb's last item or a "Manage Licenses" line.
 * Returns the label, 'document' for those fallbacks, or null.
 */
export function findTitle(labels: Label[], doc: Document, crumbs: string[], lines: Line[]): Label | 'document' | null {
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
  if (lines.some((l) => /^manage licen[cs]es$/i.test(l.text))) return 'document';
  return null;
}

const CRUMB_SEPARATORS = /\s*[›»>/|]\s*/;

/** The breadcrumb trail's items, from its visible text. */
export function breadcrumbs(doc: Document, tokens: Token[]): string[] {
  const trail = doc.querySelector('[aria-label*="readcrumb"],[aria-label*="READCRUMB"]');
  if (!trail) return [];
  const [start, end] = rangeOf(tokens, trail);
  const crumbs: string[] = [];
  for (let i = start; i < end; i++) {
    for (const part of clean(tokens[i].raw).split(CRUMB_SEPARATORS)) if (part) crumbs.push(part);
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
 * "Organization"), else a line "Organization: X" or "X · District", else a heading or link
 * "X District Overview". Null when the page does not say.
 */
export function findOrganization(doc: Document, crumbs: string[], lines: Line[]): string | null {
  for (const crumb of crumbs) {
    const m = OVERVIEW.exec(crumb);
    if (m) return tidy(m[1]);
  }
  const plain = crumbs.slice(0, -1).find((c) => !NOT_ORGANIZATION.test(c) && !TITLE.test(c));
  if (plain) return tidy(plain);
  for (const el of doc.querySelectorAll('select[aria-label],button[aria-label],[role="combobox"][aria-label]')) {
    if (!/organi[sz]ation|district|school/i.test(el.getAttribute('aria-label') ?? '')) continue;
    const text =
      el.localName === 'select' ? (el as HTMLSelectElement).selectedOptions?.[0]?.textContent : el.textContent;
    const value = tidy(text);
    if (value) return value;
  }
  for (const line of lines) {
    const m = LABELLED.exec(line.text) ?? TYPED.exec(line.text);
    if (m) return tidy(m[1]);
  }
  for (const line of lines) {
    const m = OVERVIEW.exec(line.text);
    if (m && line.text.length <= 200) return tidy(m[1]);
  }
  return null;
}

const LOADING_LINE =
  /^(?:(?:loading|please wait|fetching)(?:\s+\p{L}+){0,3}\s*(?:\.{3}|…)|(?:loading|please wait)|loading\s+(?:licen[cs]es|licen[cs]e sets|sets|data))$/iu;

/**
 * Signs that the app is still fetching: an aria-busy region, an indeterminate progress bar or
 * spinner, or a "Loading…" line. Returns what was seen, for the diagnostic, or null.
 */
export function loadingSign(doc: Document, lines: Line[]): string | null {
  const shown = (el: Element) =>
    !el.closest('[hidden],[style*="display:none"],[style*="display: none"],template,[data-letrs-tracker]');
  for (const el of doc.querySelectorAll('[aria-busy="true"]')) if (shown(el)) return 'a region marked busy';
  for (const el of doc.querySelectorAll('[role="progressbar"]:not([aria-valuenow]),progress:not([value])'))
    if (shown(el)) return 'a progress indicator';
  const line = lines.find((l) => LOADING_LINE.test(l.text));
  return line ? `"${line.text}"` : null;
}

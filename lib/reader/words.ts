/**
 * The words the Manage Licenses page uses, as patterns. The reader recognises the page, its
 * status groups, warnings and badges from these words (and accessible names), never from class
 * names, so a new layout with the same words still reads.
 */
import type { PageStatus } from '../license';

/** The page title: "Manage Licenses", "Licenses", "License Management", "Manage Licences …". */
export const TITLE = /\blicen[cs]es?\b/i;
/** Titles of other pages that mention licenses in passing. */
export const NOT_TITLE = /\b(?:people|permissions?|users?|overview|dashboard|reports?|settings|help)\b/i;
/** App names that sit in an h1 above the real title. */
export const BRAND = /^(?:lexia\s*)?(?:letrs|lexia)(?:\s*[®™])?$/i;

const STATUS_NAMES: Record<string, PageStatus> = {
  upcoming: 'upcoming',
  future: 'upcoming',
  active: 'active',
  current: 'active',
  expired: 'expired',
  past: 'expired',
};

/**
 * A status group's label: "Active", "Upcoming (2)", "Expired license sets", "Active Licenses · 5",
 * "Expired: 3". Returns the status, or null for anything else.
 */
export function statusLabel(text: string): PageStatus | null {
  const bare = text
    .toLowerCase()
    .replace(/\(\s*\d[\d,]*\s*\)|\d[\d,]*/g, ' ')
    .replace(/[():·•|–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(upcoming|future|active|current|expired|past)(?: (?:license|licence)s?)?(?: sets?)?(?: groups?)?$/.exec(
    bare,
  );
  return m ? STATUS_NAMES[m[1]] : null;
}

/** A status word on its own, as a row's badge shows it ("Active", "Expired"). */
export function statusWord(text: string): PageStatus | null {
  const m = /^(upcoming|active|expired)$/i.exec(text.trim());
  return m ? STATUS_NAMES[m[1].toLowerCase()] : null;
}

/** The warning Lexia shows beside a set expiring within thirty days, as an icon's accessible name. */
export const WARNING =
  /\b(?:expir(?:ing|es|e)\s+soon|warning|caution|about\s+to\s+expire|expir(?:ing|es)\s+in\s+\d+\s+days?)\b|^(?:alert|alert icon)$|[⚠❗❕]/i;

/** The same warning as text of its own in a row (screen-reader text, a badge): the whole text says it. */
export const WARNING_TEXT =
  /^(?:[⚠❗❕]\ufe0f?|(?:[⚠❗❕]\ufe0f?\s*)?(?:warning|caution|alert|expir(?:ing|es) soon|about to expire|expir(?:ing|es) in \d+ days?)(?:\s*[:!.]|\s+icon)?\s*[⚠❗❕]?)$/i;

/** A state-owned set allocated to the organization. */
export const STATE_ALLOCATED =
  /\bstate[\s-]*(?:owned|allocated|allocation|funded)\b|\ballocated\s+(?:by|from)\s+(?:the\s+)?state\b/i;

/** Badges and labels that are not part of a set's name. */
export const NOT_NAME =
  /^(?:state[\s-]*(?:owned|allocated|funded)|new|extension\s+set|expiring\s+soon|expires\s+soon|warning|licen[cs]es?|licen[cs]e\s+sets?|sets?|assigned|completed|completions?|start(?:s|\s+date)?|end(?:s|\s+date)?|expires?|expired\s+on|dates?|name|set\s+name|status|allocated|of|to|through|[-–—/|·•:])$/i;

/** Headings that group the page but are not license tracks. */
export const NOT_TRACK =
  /\b(?:utili[sz]ation|usage|charts?|completion|progress|summary|overview|filters?|search|sort|help|resources|notifications?|settings|people|permissions|consumed|unassigned|legend|totals?|organi[sz]ations?|breadcrumbs?|navigation|menu)\b|^(?:all\s+|your\s+)?(?:licen[cs]e\s+)?(?:tracks|sets|licen[cs]es)$/i;

/** "No expired license sets", "Nothing upcoming": an empty group's message. */
// The word must end there: JavaScript's \b is ASCII-only, so "NOЖaa" (a track name) would match "no\b".
export const EMPTY_GROUP = /^(?:no|nothing|there are no)(?![\p{L}\p{N}_])/iu;

/** The page says it is still fetching: "Loading…", "Loading license sets", "Please wait". */
export const LOADING =
  /^(?:(?:loading|please wait|fetching)(?:\s+\p{L}+){0,3}\s*(?:\.{3}|…)|(?:loading|please wait)|loading\s+(?:licen[cs]es|licen[cs]e sets|sets|data))$/iu;

/**
 * Text as a person sees it: no-break and other odd spaces read as spaces, invisible formatting
 * characters (zero-width spaces, bidi overrides, soft hyphens) dropped, runs of white space
 * collapsed. Zero-width joiners stay: emoji sequences need them.
 */

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\n\r\f\v]+/g;
const INVISIBLE = /[\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SPACES = / {2,}/g;

const NEEDS_CLEANING = /[\u00a0\u00ad\u1680\u2000-\u200f\u202a-\u202f\u205f-\u2069\u3000\ufeff\t\n\r\f\v]| {2}/;

/** Normalises displayed text (see the module comment) and trims it. */
export function clean(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(SPACES, ' ').trim();
}

/** Longest name or track kept; the message schema allows 10,000 characters, people need far fewer. */
export const MAX_TEXT = 300;

/** Shortens an over-long text at a character boundary, marking the cut with an ellipsis. */
export function cap(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const chars = Array.from(text);
  return chars.length <= MAX_TEXT ? text : `${chars.slice(0, MAX_TEXT - 1).join('')}…`;
}

/** Punctuation and separators left over at the ends of a name once counts and dates are cut out. */
const EDGE_PUNCTUATION = /^[\s·•|,;:–—\-/()[\]]+|[\s·•|,;:–—\-/([]+$/g;

/** Trims separators from both ends ("ECE Cohort B —" → "ECE Cohort B"); keeps a closing bracket. */
export function trimSeparators(text: string): string {
  const trimmed = text.replace(EDGE_PUNCTUATION, '');
  // A bracket that no longer closes anything ("Cohort A (" → "Cohort A") is dropped above; an
  // unmatched closing one ("Cohort A )") is dropped here.
  const opens = (trimmed.match(/\(/g) ?? []).length;
  const closes = (trimmed.match(/\)/g) ?? []).length;
  return closes > opens ? trimmed.replace(/[\s)]+$/, '') : trimmed;
}

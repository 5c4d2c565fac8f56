/**
 * What each piece of text is: a status word, the warning, the state-owned badge, a count, a
 * bare number, a date, a label ("Licenses", "Start date") or plain text (a name, a heading).
 * Pages repeat the same pieces thousands of times (" licenses", "Expiring soon", "12 assigned",
 * the same dates), so each distinct text is classified once per read.
 */
import type { PageStatus } from '../license';
import { type CountKind, type Counts, labelOnly, numberOnly, readCounts } from './counts';
import type { DatesShown } from './shown-dates';
import { clean } from './text';
import { LOADING, NOT_NAME, STATE_ALLOCATED, statusWord, WARNING_TEXT } from './words';

export type Role =
  | 'status'
  | 'warning'
  | 'state'
  | 'count'
  | 'countLabel'
  | 'number'
  | 'date'
  | 'dateLabel'
  | 'label'
  | 'text';

export interface TokenInfo {
  text: string;
  role: Role;
  status: PageStatus | null;
  /** Counts the text shows on its own ("60 licenses", "Assigned: 12"). */
  counts: Counts | null;
  /** A count's label alone ("Licenses", "Assigned:"), waiting for the number beside it. */
  countLabel: { kind: CountKind; allocated: boolean } | null;
  /** A number alone ("60", "−5"). */
  number: string | null;
  /** The text has a four-digit number, so it may hold a date. */
  hasYear: boolean;
  /** The text says "state-owned" or "allocated by the state". */
  state: boolean;
  /** The text says the page is still loading ("Loading…"). */
  loading: boolean;
}

const MENTIONS_COUNT = /licen[cs]|assign|complet|allocat|seats?\b/i;
const HAS_YEAR = /\d{4}/;
const DATE_LABEL =
  /^(?:start(?:s|ed)?|start date|begins?|from|end(?:s|ed)?|end date|expires?|expired(?: on)?|expiration(?: date)?|through|until|valid (?:from|to|through)|dates?)\s*:?$/i;
const BADGE = /^(?:state[\s-]*(?:owned|allocated|allocation|funded)(?:\s+set)?|allocated\s+by\s+(?:the\s+)?state)$/i;

/** The role of a text, filling in the status, counts, label or number it shows. */
function roleOf(info: TokenInfo, dates: (text: string) => DatesShown): Role {
  const { text } = info;
  if (text.length <= 10) info.status = statusWord(text);
  if (info.status) return 'status';
  if (text.length <= 40 && WARNING_TEXT.test(text)) return 'warning';
  if (info.state && BADGE.test(text)) return 'state';
  if (MENTIONS_COUNT.test(text)) {
    const counts = readCounts(text);
    if (hasCounts(counts)) {
      info.counts = counts;
      return 'count';
    }
    info.countLabel = labelOnly(text);
    if (info.countLabel) return 'countLabel';
  }
  info.number = numberOnly(text);
  if (info.number) return 'number';
  if (info.hasYear) {
    const shown = dates(text);
    if (shown.dates.length > 0 || shown.impossible > 0) return 'date';
  }
  if (DATE_LABEL.test(text)) return 'dateLabel';
  if (NOT_NAME.test(text)) return 'label';
  return 'text';
}

function classify(raw: string, dates: (text: string) => DatesShown): TokenInfo {
  const text = clean(raw);
  const info: TokenInfo = {
    text,
    role: 'text',
    status: null,
    counts: null,
    countLabel: null,
    number: null,
    hasYear: HAS_YEAR.test(text),
    state: text.length <= 80 && STATE_ALLOCATED.test(text),
    loading: text.length <= 60 && LOADING.test(text),
  };
  info.role = roleOf(info, dates);
  return info;
}

export function hasCounts(c: Counts | null): c is Counts {
  return c !== null && (c.licenses !== undefined || c.assigned !== undefined || c.completed !== undefined);
}

/** Classifies texts, remembering each distinct one for the rest of the read. */
export function classifier(dates: (text: string) => DatesShown): (raw: string) => TokenInfo {
  const memo = new Map<string, TokenInfo>();
  return (raw) => {
    let info = memo.get(raw);
    if (!info) {
      info = classify(raw, dates);
      memo.set(raw, info);
    }
    return info;
  };
}

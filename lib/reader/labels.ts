/**
 * The page's headings and group labels (h1–h6, role="heading" with aria-level, summary,
 * caption, legend), each with the words it shows and what those words make it: a status group
 * (Upcoming / Active / Expired), a license track, or another heading (the title, "Utilization").
 */
import type { PageStatus } from '../license';
import { type Counts, readCounts } from './counts';
import { joinText, lineEnd, span } from './lines';
import { endOf, startOf } from './positions';
import { trimSeparators } from './text';
import type { Tokens } from './walk';
import { EMPTY_GROUP, NOT_TRACK, statusLabel, WARNING } from './words';

export type LabelKind = 'status' | 'track' | 'other';

export interface Label {
  el: Element;
  /** What the label is: h (h1–h6, role=heading), summary, caption or legend. */
  tag: 'h' | 'summary' | 'caption' | 'legend';
  kind: LabelKind;
  /** The first line the label shows, cleaned. */
  text: string;
  /** For a status label: its group. */
  status: PageStatus | null;
  /** For a track label: the track's name without counts. */
  track: string | null;
  /** Heading level (1–6, aria-level), deeper for summaries and captions. */
  level: number;
  /** First token of the label, one past the last token of its first line, one past its last token. */
  start: number;
  textEnd: number;
  end: number;
  /** The label itself shows a count ("LETRS · 1,340 licenses", "Cohort A — 60 licenses"). */
  counts: Counts | null;
}

function levelOf(el: Element, tag: Label['tag']): number {
  if (tag === 'summary') {
    let depth = 1;
    for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) depth++;
    return 1 + depth;
  }
  if (tag === 'caption' || tag === 'legend') return 7;
  const aria = Number(el.getAttribute('aria-level'));
  if (Number.isInteger(aria) && aria >= 1 && aria <= 9) return aria;
  const m = /^h([1-6])$/.exec(el.localName);
  return m ? Number(m[1]) : 2;
}

function tagOf(el: Element): Label['tag'] {
  const name = el.localName;
  if (name === 'summary' || name === 'caption' || name === 'legend') return name;
  return 'h';
}

const COUNT_PART = /\(?\s*[\d,]+\s+(?:total\s+)?(?:licen[cs]es?|(?:licen[cs]e\s+)?sets?)\b[^)·|–—]*\)?/gi;

/** A track heading's name without its counts ("LETRS (1,340 licenses)" → "LETRS"). */
function trackName(text: string): string {
  return trimSeparators(text.replace(COUNT_PART, ' ').replace(/\s+/g, ' ').trim());
}

/** The heading-like elements that show text, with the index of their first token, in page order. */
function labelElements(tokens: Tokens, roles: Map<Element, string>): { el: Element; start: number }[] {
  const found: { el: Element; start: number }[] = [];
  const seen = new Set<Element>();
  for (let i = 0; i < tokens.headings.length; i++) {
    const el = tokens.headings[i];
    if (el && !seen.has(el)) {
      seen.add(el);
      found.push({ el, start: i });
    }
  }
  for (const [el, role] of roles) {
    if (role !== 'heading' || seen.has(el)) continue;
    const start = startOf(tokens, el);
    if (start < tokens.nodes.length && el.contains(tokens.nodes[start])) found.push({ el, start });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Every visible label on the page, in document order. */
export function findLabels(tokens: Tokens, roles: Map<Element, string>): Label[] {
  const labels: Label[] = [];
  for (const { el, start } of labelElements(tokens, roles)) {
    const end = endOf(tokens, el, start);
    const textEnd = lineEnd(tokens, start, end);
    const text = joinText(tokens, span(start, textEnd));
    if (!text) continue;
    const tag = tagOf(el);
    const status = statusLabel(text);
    const counts = status ? null : readCounts(text);
    const hasCounts = counts && (counts.licenses !== undefined || counts.assigned !== undefined);
    let kind: LabelKind = 'other';
    let track: string | null = null;
    if (status) kind = 'status';
    else if (!NOT_TRACK.test(text) && !EMPTY_GROUP.test(text) && !WARNING.test(text) && /\p{L}/u.test(text)) {
      track = hasCounts ? trackName(text) : text;
      if (track && track.length <= 150) kind = 'track';
      else track = null;
    }
    labels.push({
      el,
      tag,
      kind,
      text,
      status,
      track,
      level: levelOf(el, tag),
      start,
      textEnd,
      end,
      counts: hasCounts ? counts : null,
    });
  }
  return labels;
}

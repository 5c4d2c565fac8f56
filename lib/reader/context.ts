/**
 * Which track and status group each row is listed under, from the page's structure: headings
 * apply to what follows them until a heading of the same or a higher level, or until the end of
 * the element that holds them and the rows they head; tab panels take their tab's label; a
 * table's group rows and caption apply within the table; a line that only says "Active" outside
 * any row heads what follows it in its container. Works whether tracks hold status groups or
 * status groups hold tracks.
 */
import type { PageStatus } from '../license';
import type { Label } from './labels';
import type { Line } from './lines';
import { endOf, rangeOf, startOf } from './positions';
import { clean } from './text';
import type { Token } from './walk';
import { EMPTY_GROUP, NOT_TRACK, statusLabel, WARNING } from './words';

export interface GroupEvent {
  /** Token index where the event starts to apply, and where it stops. */
  pos: number;
  end: number;
  level: number;
  kind: 'track' | 'status' | 'other';
  track?: string;
  status?: PageStatus;
}

export interface Placed {
  track: string | null;
  status: PageStatus | null;
}

/** Classifies a group label's text: a status, a track name, or neither. */
export function eventKind(text: string): Pick<GroupEvent, 'kind' | 'track' | 'status'> {
  const status = statusLabel(text);
  if (status) return { kind: 'status', status };
  if (!text || EMPTY_GROUP.test(text) || NOT_TRACK.test(text) || WARNING.test(text) || !/\p{L}/u.test(text))
    return { kind: 'other' };
  return text.length <= 150 ? { kind: 'track', track: text } : { kind: 'other' };
}

/**
 * The end of a label's reach: the end of its nearest ancestor that holds a row (the section it
 * heads), or of the page.
 */
export function reachOf(el: Element, tokens: Token[], holdsRows: Set<Element>, from: number): number {
  for (let x = el.parentElement; x; x = x.parentElement) {
    if (holdsRows.has(x)) return endOf(tokens, x, from);
  }
  return tokens.length;
}

/** Events from headings, summaries, captions and legends outside the rows. */
export function labelEvents(labels: Label[], tokens: Token[], holdsRows: Set<Element>): GroupEvent[] {
  return labels.map((label) => {
    let end: number;
    const container =
      label.tag === 'summary' ? label.el.closest('details') : label.tag === 'h' ? null : label.el.parentElement;
    if (container) end = endOf(tokens, container, label.start);
    else end = reachOf(label.el, tokens, holdsRows, label.start);
    const kind =
      label.kind === 'status'
        ? { kind: 'status' as const, status: label.status ?? undefined }
        : label.kind === 'track' && label.track
          ? { kind: 'track' as const, track: label.track }
          : { kind: 'other' as const };
    return { pos: label.start, end, level: label.level, ...kind };
  });
}

function textOfElements(doc: Document, tokens: Token[], ids: string): string {
  const parts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    const el = id ? doc.getElementById(id) : null;
    if (!el) continue;
    const [start, end] = rangeOf(tokens, el);
    let text = '';
    for (let i = start; i < end; i++) text += tokens[i].raw;
    parts.push(clean(text) || clean(el.getAttribute('aria-label') ?? ''));
  }
  return parts.join(' ');
}

/** Tab panels take the label of their tab; a tab list with no panels gives its selected tab. */
export function tabEvents(doc: Document, tokens: Token[], holdsRows: Set<Element>): GroupEvent[] {
  const events: GroupEvent[] = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return events;
  const panels = [...root.querySelectorAll('[role="tabpanel"]')];
  for (const panel of panels) {
    let label = textOfElements(doc, tokens, panel.getAttribute('aria-labelledby') ?? '');
    if (!label && panel.id) {
      const tab = [...root.querySelectorAll('[role="tab"][aria-controls]')].find((t) =>
        t.getAttribute('aria-controls')?.split(/\s+/).includes(panel.id),
      );
      if (tab) label = clean(tab.textContent ?? '') || clean(tab.getAttribute('aria-label') ?? '');
    }
    label ||= clean(panel.getAttribute('aria-label') ?? '');
    const kind = eventKind(label);
    if (kind.kind === 'other') continue;
    const [pos, end] = rangeOf(tokens, panel);
    events.push({ pos, end, level: 0, ...kind });
  }
  if (panels.length === 0) {
    for (const tab of root.querySelectorAll('[role="tab"][aria-selected="true"]')) {
      const kind = eventKind(clean(tab.textContent ?? ''));
      if (kind.kind === 'other') continue;
      const list = tab.closest('[role="tablist"]') ?? tab;
      const pos = endOf(tokens, list, startOf(tokens, list));
      events.push({ pos, end: reachOf(list, tokens, holdsRows, pos), level: 0, ...kind });
    }
  }
  return events;
}

const NOT_A_HEADING = 'button,a,[role="button"],[role="tab"],[role="link"],nav,label,option,[role="option"],li>a';

/**
 * Lines outside every row and heading that only name a status group ("Active", "Expired (2)"),
 * or, when the page has no track heading at all, a track ("LETRS for Administrators").
 */
export function looseEvents(
  lines: Line[],
  tokens: Token[],
  outside: (token: number) => boolean,
  holdsRows: Set<Element>,
  withTracks: boolean,
  after: number,
): GroupEvent[] {
  const events: GroupEvent[] = [];
  for (const line of lines) {
    if (line.first < after || !outside(line.first)) continue;
    const status = statusLabel(line.text);
    const track = !status && withTracks && /\bLETRS\b/.test(line.text) && line.text.length <= 100;
    if (!status && !track) continue;
    if (track && eventKind(line.text).kind !== 'track') continue;
    const el = tokens[line.first].parent;
    if (el.closest(NOT_A_HEADING)) continue;
    const end = reachOf(el, tokens, holdsRows, line.first);
    events.push(
      status
        ? { pos: line.first, end, level: 8, kind: 'status', status }
        : { pos: line.first, end, level: 8, kind: 'track', track: line.text },
    );
  }
  return events;
}

/**
 * Walks events and rows in page order and gives each row the innermost track and status group
 * in force where it starts.
 */
export function place(events: GroupEvent[], rowStarts: number[]): Placed[] {
  const ordered = [...events].sort((a, b) => a.pos - b.pos || a.level - b.level);
  const order = rowStarts.map((pos, i) => ({ pos, i })).sort((a, b) => a.pos - b.pos);
  const placed: Placed[] = new Array(rowStarts.length);
  let active: GroupEvent[] = [];
  let e = 0;
  for (const { pos, i } of order) {
    while (e < ordered.length && ordered[e].pos <= pos) {
      const event = ordered[e++];
      active = active.filter((a) => a.end > event.pos && a.level < event.level);
      active.push(event);
    }
    let track: string | null = null;
    let status: PageStatus | null = null;
    for (const a of active) {
      if (a.end <= pos) continue;
      if (a.kind === 'track' && a.track) track = a.track;
      if (a.kind === 'status' && a.status) status = a.status;
    }
    placed[i] = { track, status };
  }
  return placed;
}

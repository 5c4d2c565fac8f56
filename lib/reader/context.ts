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
import { joinText, lineEnd, sameLine, span } from './lines';
import { endOf, rangeOf, startOf } from './positions';
import { clean } from './text';
import type { Tokens } from './walk';
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

/** The end of a label's reach: the end of its nearest ancestor that holds a row, or of the page. */
function reachOf(el: Element, tokens: Tokens, holdsRows: Set<Element>, from: number): number {
  for (let x = el.parentElement; x; x = x.parentElement) {
    if (holdsRows.has(x)) return endOf(tokens, x, from);
  }
  return tokens.nodes.length;
}

/** Events from headings, summaries, captions and legends outside the rows. */
export function labelEvents(
  labels: Label[],
  tokens: Tokens,
  holdsRows: Set<Element>,
  title: Label | null,
): GroupEvent[] {
  return labels.map((label) => {
    const container =
      label.tag === 'summary' ? label.el.closest('details') : label.tag === 'h' ? null : label.el.parentElement;
    const end = container ? endOf(tokens, container, label.start) : reachOf(label.el, tokens, holdsRows, label.start);
    const kind: Pick<GroupEvent, 'kind' | 'track' | 'status'> =
      label.kind === 'status' && label.status
        ? { kind: 'status', status: label.status }
        : label.kind === 'track' && label.track && label !== title
          ? { kind: 'track', track: label.track }
          : { kind: 'other' };
    return { pos: label.start, end, level: label.level, ...kind };
  });
}

/** The visible text of the elements with the given ids (aria-labelledby). */
function textOfIds(doc: Document, tokens: Tokens, ids: string): string {
  const parts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    const el = id ? doc.getElementById(id) : null;
    if (!el) continue;
    const [start, end] = rangeOf(tokens, el);
    parts.push(joinText(tokens, span(start, end)) || clean(el.getAttribute('aria-label') ?? ''));
  }
  return parts.join(' ');
}

/** Tab panels take the label of their tab; a tab list with no panels gives its selected tab. */
export function tabEvents(
  doc: Document,
  tokens: Tokens,
  roles: Map<Element, string>,
  holdsRows: Set<Element>,
): GroupEvent[] {
  const events: GroupEvent[] = [];
  const panels: Element[] = [];
  const tabs: Element[] = [];
  for (const [el, role] of roles) {
    if (role === 'tabpanel') panels.push(el);
    else if (role === 'tab') tabs.push(el);
  }
  const tabText = (tab: Element) => clean(tab.textContent ?? '') || clean(tab.getAttribute('aria-label') ?? '');
  for (const panel of panels) {
    let label = textOfIds(doc, tokens, panel.getAttribute('aria-labelledby') ?? '');
    if (!label && panel.id) {
      const tab = tabs.find((t) => t.getAttribute('aria-controls')?.split(/\s+/).includes(panel.id));
      if (tab) label = tabText(tab);
    }
    label ||= clean(panel.getAttribute('aria-label') ?? '');
    const kind = eventKind(label);
    if (kind.kind === 'other') continue;
    const [pos, end] = rangeOf(tokens, panel);
    events.push({ pos, end, level: 0, ...kind });
  }
  if (panels.length === 0) {
    for (const tab of tabs) {
      if (tab.getAttribute('aria-selected') !== 'true') continue;
      const kind = eventKind(tabText(tab));
      if (kind.kind === 'other') continue;
      const list = tab.closest('[role="tablist"]') ?? tab;
      const pos = endOf(tokens, list, startOf(tokens, list));
      events.push({ pos, end: reachOf(list, tokens, holdsRows, pos), level: 0, ...kind });
    }
  }
  return events;
}

/**
 * Disclosure buttons that open and close a status group ("Active (2)" with aria-expanded): the
 * group is what the button controls (aria-controls), else the rest of the button's parent.
 * Only status words count: a menu button ("Manage ▾") is no track.
 */
export function disclosureEvents(doc: Document, tokens: Tokens, roles: Map<Element, string>): GroupEvent[] {
  const events: GroupEvent[] = [];
  for (const [el, role] of roles) {
    if ((role !== 'disclosure' && role !== 'button') || !el.hasAttribute('aria-expanded')) continue;
    const status = statusLabel(clean(el.textContent ?? '') || clean(el.getAttribute('aria-label') ?? ''));
    if (!status) continue;
    const controlled = (el.getAttribute('aria-controls') ?? '')
      .split(/\s+/)
      .map((id) => (id ? doc.getElementById(id) : null))
      .find((x) => x !== null);
    const scope = controlled ?? el.parentElement;
    if (!scope) continue;
    const [, buttonEnd] = rangeOf(tokens, el);
    const [scopeStart, scopeEnd] = rangeOf(tokens, scope);
    // Deeper than any heading, so the track heading around it stays in force.
    events.push({ pos: controlled ? scopeStart : buttonEnd, end: scopeEnd, level: 8, kind: 'status', status });
  }
  return events;
}

const NOT_A_HEADING = 'button,a,[role="button"],[role="tab"],[role="link"],nav,label,option,[role="option"]';

/**
 * Lines outside every row and heading that only name a status group ("Active", "Expired (2)"),
 * or, when the page has no track heading at all, a track ("LETRS for Administrators").
 */
export function looseEvents(
  tokens: Tokens,
  outside: (token: number) => boolean,
  holdsRows: Set<Element>,
  withTracks: boolean,
  after: number,
): GroupEvent[] {
  const events: GroupEvent[] = [];
  const count = tokens.nodes.length;
  for (let i = after; i < count; i++) {
    if (!outside(i) || (i > 0 && outside(i - 1) && sameLine(tokens, i - 1, i))) continue;
    const end = lineEnd(tokens, i, count);
    const text = joinText(tokens, span(i, end));
    const status = statusLabel(text);
    const track = !status && withTracks && /\bLETRS\b/.test(text) && text.length <= 100;
    if (!status && !(track && eventKind(text).kind === 'track')) continue;
    const el = tokens.parents[i];
    if (el.closest(NOT_A_HEADING)) continue;
    const reach = reachOf(el, tokens, holdsRows, i);
    events.push(
      status
        ? { pos: i, end: reach, level: 8, kind: 'status', status }
        : { pos: i, end: reach, level: 8, kind: 'track', track: text },
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

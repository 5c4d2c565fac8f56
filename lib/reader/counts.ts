/**
 * Reads the counts a line shows: "60 licenses", "1,250 licenses", "Licenses: 60",
 * "12 assigned", "12 of 60 licenses assigned", "12/60 assigned", "31 completed",
 * "Completions: 31", "100 licenses allocated". A count that is shown but cannot be read as a
 * whole number ("−5", "1e9", "1.5", "٥٠", "99,999,999,999") is null and remembered as unreadable,
 * never guessed at.
 */

export type CountKind = 'licenses' | 'assigned' | 'completed';

export interface Counts {
  /** undefined: the line does not mention it; null: mentioned but unreadable or missing. */
  licenses?: number | null;
  assigned?: number | null;
  completed?: number | null;
  /** "licenses allocated": a state-owned set's share. */
  allocated?: boolean;
  /** Counts shown but unreadable, as written ("−5 licenses"). */
  unreadable?: string[];
}

/** A count above this is not a real number of licenses (and the message schema refuses it). */
const MAX_COUNT = 10_000_000;

interface Lexeme {
  kind: 'num' | 'word' | 'colon' | 'slash' | 'other';
  text: string;
  /** For numbers: the value, or null when unreadable. */
  value?: number | null;
  /** For numbers: directly followed by "-digit" or "/digit" (a range or a date, not a count). */
  joined?: boolean;
  start: number;
  end: number;
}

const LEXEME =
  /(?<![\p{L}\p{N}.,])([-−–]?\p{Nd}[\p{Nd},.]*(?:[eE][+-]?\p{Nd}+)?)(%?)|(\p{L}[\p{L}'’-]*)|(:)|(\/)|(\S)/gu;

const LICENSES = /^licen[cs]es?$|^seats?$/;
const ASSIGNED = /^assigned$/;
const COMPLETED = /^complet(?:ed|ions?|e)$/;
const ALLOCATED = /^allocated$/;
const NOT_A_COUNT = /^(?:unassigned|available|remaining|left|used|unused|consumed|expired|expiring|held)$/;
const FILLER =
  /^(?:total|state|state-owned|owned|letrs|purchased|people|participants|educators|teachers|users|learners|who|have|has|the|course)$/;

/** The value of a number as the page wrote it, or null when it is not a plain whole count. */
export function countValue(written: string): number | null {
  const digits = written.replace(/[.,]+$/, '');
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(digits)) return null;
  const value = Number(digits.replace(/,/g, ''));
  return Number.isSafeInteger(value) && value <= MAX_COUNT ? value : null;
}

function lex(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  LEXEME.lastIndex = 0;
  for (let m = LEXEME.exec(text); m; m = LEXEME.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      if (m[2]) {
        out.push({ kind: 'other', text: m[0], start, end });
        continue;
      }
      // "2026-2027", "7/1/2026": part of a range or a date ("12/60" stays a count pair).
      const joined = /^[-–]\d|^\/\d{1,2}\//.test(text.slice(end, end + 5));
      out.push({ kind: 'num', text: m[1], value: countValue(m[1]), joined, start, end });
    } else if (m[3] !== undefined) out.push({ kind: 'word', text: m[3].toLowerCase(), start, end });
    else if (m[4] !== undefined) out.push({ kind: 'colon', text: ':', start, end });
    else if (m[5] !== undefined) out.push({ kind: 'slash', text: '/', start, end });
    else out.push({ kind: 'other', text: m[0], start, end });
  }
  return out;
}

function isWord(l: Lexeme | undefined, pattern: RegExp): boolean {
  return l?.kind === 'word' && pattern.test(l.text);
}

/** Index of the first lexeme from `i` that is not a filler word (at most three skipped). */
function skipFillers(lexemes: Lexeme[], i: number): number {
  let j = i;
  while (j < i + 3 && isWord(lexemes[j], FILLER)) j++;
  return j;
}

class Reading {
  counts: Counts = {};
  constructor(private readonly text: string) {}

  set(kind: CountKind, number: Lexeme, from: number, to: number): void {
    if (this.counts[kind] !== undefined) return;
    this.counts[kind] = number.value ?? null;
    if (number.value === null || number.value === undefined) {
      this.counts.unreadable ??= [];
      this.counts.unreadable.push(this.text.slice(from, to));
    }
  }
}

const PLACEHOLDER = '(?:[-–—?]|n/a|unknown|none)';
const MISSING_BEFORE = new RegExp(`^${PLACEHOLDER}\\s+licen[cs]es?$`, 'i');
const MISSING_AFTER = new RegExp(`^licen[cs]es?\\s*:?\\s*${PLACEHOLDER}$`, 'i');

/** The counts one line shows. */
export function readCounts(text: string): Counts {
  const reading = new Reading(text);
  if (MISSING_BEFORE.test(text) || MISSING_AFTER.test(text)) {
    reading.counts.licenses = null;
    return reading.counts;
  }
  const lexemes = lex(text);
  const used = new Uint8Array(lexemes.length);
  for (let i = 0; i < lexemes.length; i++) {
    const l = lexemes[i];
    if (used[i]) continue;
    if (l.kind === 'num') numberFirst(lexemes, i, used, reading);
    else if (l.kind === 'word') labelFirst(lexemes, i, used, reading);
  }
  return reading.counts;
}

/** "60 licenses", "12 of 60 licenses assigned", "12/60 assigned", "31 completed". */
function numberFirst(lexemes: Lexeme[], i: number, used: Uint8Array, reading: Reading): void {
  const n = lexemes[i];
  const of = lexemes[i + 1];
  const m = lexemes[i + 2];
  if ((isWord(of, /^of$/) || of?.kind === 'slash') && m?.kind === 'num' && !n.joined) {
    const k = skipFillers(lexemes, i + 3);
    const key = lexemes[k];
    const then = lexemes[k + 1];
    const end = (x: Lexeme | undefined) => x?.end ?? m.end;
    if (isWord(key, LICENSES) && isWord(then, ASSIGNED)) {
      reading.set('assigned', n, n.start, then.end);
      reading.set('licenses', m, m.start, key.end);
    } else if (isWord(key, LICENSES) && isWord(then, COMPLETED)) reading.set('completed', n, n.start, then.end);
    else if (isWord(key, LICENSES)) reading.set('licenses', m, m.start, key.end);
    else if (isWord(key, ASSIGNED)) {
      reading.set('assigned', n, n.start, end(key));
      reading.set('licenses', m, m.start, end(key));
    } else if (isWord(key, COMPLETED)) reading.set('completed', n, n.start, end(key));
    else return;
    used.fill(1, i, k + 2);
    return;
  }
  if (n.joined) return;
  // "Consumed 612": the number belongs to the word before it.
  const before = lexemes[i - 1]?.kind === 'colon' ? lexemes[i - 2] : lexemes[i - 1];
  if (isWord(before, NOT_A_COUNT)) return;
  const k = skipFillers(lexemes, i + 1);
  const key = lexemes[k];
  const then = lexemes[k + 1];
  let last = k;
  if (isWord(key, LICENSES)) {
    last = k + 1;
    if (isWord(then, ASSIGNED)) reading.set('assigned', n, n.start, then.end);
    else if (isWord(then, COMPLETED)) reading.set('completed', n, n.start, then.end);
    else if (isWord(then, NOT_A_COUNT)) {
      // "12 licenses unassigned": derived, not a count the set is read by.
    } else {
      reading.set('licenses', n, n.start, key.end);
      if (isWord(then, ALLOCATED)) reading.counts.allocated = true;
      else last = k;
    }
  } else if (isWord(key, ASSIGNED)) {
    // "476 Assigned & Not Consumed" is a chart legend, not a set's count.
    if (then?.text === '&' || isWord(then, /^and$/)) return;
    reading.set('assigned', n, n.start, key.end);
  } else if (isWord(key, COMPLETED)) reading.set('completed', n, n.start, key.end);
  else if (isWord(key, ALLOCATED)) {
    reading.set('licenses', n, n.start, key.end);
    reading.counts.allocated = true;
  } else return;
  used.fill(1, i, last + 1);
}

/** "Licenses: 60", "Total licenses 60", "Licenses assigned: 12", "Completed: 31". */
function labelFirst(lexemes: Lexeme[], i: number, used: Uint8Array, reading: Reading): void {
  const first = lexemes[i];
  // "— licenses", "? licenses": shown without a number.
  const before = lexemes[i - 1];
  if (isWord(first, LICENSES) && before?.kind === 'other' && /^[-–—?]$/.test(before.text)) {
    reading.counts.licenses ??= null;
    return;
  }
  let kind: CountKind | null = null;
  let allocated = false;
  let j = i + 1;
  if (isWord(first, LICENSES)) {
    kind = 'licenses';
    const then = lexemes[j];
    if (isWord(then, ASSIGNED)) kind = 'assigned';
    else if (isWord(then, COMPLETED)) kind = 'completed';
    else if (isWord(then, ALLOCATED)) allocated = true;
    else if (isWord(then, NOT_A_COUNT)) return;
    if (kind !== 'licenses' || allocated) j++;
  } else if (isWord(first, ASSIGNED)) kind = 'assigned';
  else if (isWord(first, COMPLETED)) kind = 'completed';
  else if (isWord(first, ALLOCATED)) {
    kind = 'licenses';
    allocated = true;
  } else return;
  const colon = lexemes[j]?.kind === 'colon';
  if (colon) j++;
  const n = lexemes[j];
  if (n?.kind !== 'num' || n.joined || used[j]) return;
  // "License 2026" is a name; a singular label needs its colon ("License: 1").
  if (!colon && /^licen[cs]e$/.test(first.text)) return;
  const after = lexemes[j + 1];
  // "Assigned 12 of 60": assigned out of the set's licenses.
  if (kind !== 'licenses' && isWord(after, /^of$/) && lexemes[j + 2]?.kind === 'num' && !used[j]) {
    reading.set(kind, n, first.start, lexemes[j + 2].end);
    if (kind === 'assigned') reading.set('licenses', lexemes[j + 2], n.start, lexemes[j + 2].end);
    used.fill(1, i, j + 3);
    return;
  }
  // "12 of 60", "licenses 1 assigned": the number opens a number-first reading of its own.
  if (isWord(after, /^of$/) || isWord(after, LICENSES) || isWord(after, ASSIGNED) || isWord(after, COMPLETED)) return;
  reading.set(kind, n, first.start, n.end);
  if (allocated) reading.counts.allocated = true;
  used.fill(1, i, j + 1);
}

/** A line that is only a count label ("Licenses", "Assigned:", "Total licenses"): what it counts. */
export function labelOnly(text: string): { kind: CountKind; allocated: boolean } | null {
  const m =
    /^(?:total\s+|#\s*(?:of\s+)?|number\s+of\s+)?(licen[cs]es?(?:\s+(assigned|completed|allocated))?|assigned|completed|completions?)\s*:?$/i.exec(
      text,
    );
  if (!m) return null;
  const word = (m[2] ?? m[1]).toLowerCase();
  if (word.startsWith('assigned')) return { kind: 'assigned', allocated: false };
  if (word.startsWith('complet')) return { kind: 'completed', allocated: false };
  return { kind: 'licenses', allocated: word === 'allocated' };
}

/** A line that is only a number (or an unreadable one): its lexeme text, else null. */
export function numberOnly(text: string): string | null {
  return /^[-−–]?\p{Nd}[\p{Nd},.]*(?:[eE][+-]?\p{Nd}+)?$/u.test(text) ? text : null;
}

/** Counts from a label line and the number line beside it (a definition list, a stat tile). */
export function pairedCounts(kind: CountKind, written: string, allocated: boolean): Counts {
  const value = countValue(written);
  const counts: Counts = { [kind]: value };
  if (value === null) counts.unreadable = [written];
  if (allocated) counts.allocated = true;
  return counts;
}

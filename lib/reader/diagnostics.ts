/**
 * Diagnostics written for a person: one summary of the read ("Read 12 license sets in 3 tracks;
 * 1 row had no end date: 'ECE Cohort B'") and one line per page-level problem.
 */
import type { Diagnostic } from '../page-read';
import type { Problem, ProblemKind } from './row';

const PHRASES: Record<ProblemKind, [string, string]> = {
  'no name': ['had no name', 'had no name'],
  'no license count': ['had no license count', 'had no license count'],
  'unreadable count': ['had a count that is not a whole number', 'had a count that is not a whole number'],
  'no assigned or completed count': ['showed no assigned or completed count', 'showed no assigned or completed count'],
  'no start date': ['had no start date', 'had no start date'],
  'no end date': ['had no end date', 'had no end date'],
  'impossible date': ['had a date that does not exist', 'had a date that does not exist'],
  'unlabelled date': ['had a date not marked as start or end', 'had dates not marked as start or end'],
  'no track': ['was under no license track heading', 'were under no license track heading'],
  'no status group': ['was in no Upcoming/Active/Expired group', 'were in no Upcoming/Active/Expired group'],
};

const ORDER = Object.keys(PHRASES) as ProblemKind[];
const NAMES_SHOWN = 5;

/** "'ECE Cohort B'", "'Minus Cohort' (−5 licenses)", "…and 3 more". */
function listRows(rows: { name: string; detail?: string }[]): string {
  const shown = rows.slice(0, NAMES_SHOWN).map(({ name, detail }) => {
    const label = name ? `'${name.length > 60 ? `${name.slice(0, 59)}…` : name}'` : 'an unnamed row';
    return detail ? `${label} (${detail})` : label;
  });
  const more = rows.length > NAMES_SHOWN ? `, and ${rows.length - NAMES_SHOWN} more` : '';
  return shown.join(', ') + more;
}

/** The summary diagnostic for the rows read, naming the rows that were read only in part. */
export function summarize(rows: { name: string; problems: Problem[] }[], trackCount: number): Diagnostic {
  const sets = rows.length;
  let message = `Read ${sets} license ${sets === 1 ? 'set' : 'sets'} in ${trackCount} ${trackCount === 1 ? 'track' : 'tracks'}`;
  const byKind = new Map<ProblemKind, { row: number; name: string; detail?: string }[]>();
  for (const [row, { name, problems }] of rows.entries()) {
    for (const problem of problems) {
      const list = byKind.get(problem.kind) ?? [];
      list.push({ row, name, detail: problem.detail });
      byKind.set(problem.kind, list);
    }
  }
  const parts: string[] = [];
  for (const kind of ORDER) {
    const list = byKind.get(kind);
    if (!list) continue;
    const distinct = new Set(list.map((r) => r.row)).size;
    const [one, many] = PHRASES[kind];
    parts.push(`${distinct} ${distinct === 1 ? 'row' : 'rows'} ${distinct === 1 ? one : many}: ${listRows(list)}`);
  }
  if (parts.length > 0) message += `; ${parts.join('; ')}`;
  return { level: parts.length > 0 ? 'warning' : 'info', message: `${message}.` };
}

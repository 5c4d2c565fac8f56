/**
 * A generated Manage Licenses page of any size, laid out like the built-in sample (cards with
 * generated class names, status groups per track, warning icons, state-owned sets), with dates
 * spread over three years so the reader parses thousands of distinct dates, as a real page would.
 */
import { format } from 'date-fns';
import { addDays, type CalendarDate, calendarDateToLocal } from '../lib/dates';

const shown = (date: CalendarDate) => format(calendarDateToLocal(date), 'MMM d, yyyy');

/** The page's HTML and how many sets it holds. */
export function generatedLicensesPage(sets: number, tracks: number, today: CalendarDate): string {
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Manage Licenses | LETRS</title></head><body>',
    '<header class="css-1x9k2tb"><span>LETRS</span><nav aria-label="Main"><a href="/dashboard">Overview</a> <a href="/manage/licenses">Licenses</a></nav></header>',
    '<main class="css-7hjs0a"><nav aria-label="Breadcrumb"><a href="/dashboard">Generated Unified School District Overview</a> › <span>Manage Licenses</span></nav>',
    '<h1>Manage Licenses</h1>',
  ];
  let id = 0;
  for (let t = 0; t < tracks; t++) {
    const inTrack = Math.floor(sets / tracks) + (t < sets % tracks ? 1 : 0);
    parts.push(`<section class="css-3n1ps9"><h2>LETRS Track ${t + 1}</h2>`);
    parts.push(
      '<div class="css-g2l0ff"><span>Consumed 612</span><span>Assigned &amp; Not Consumed 476</span><span>Unassigned 252</span></div>',
    );
    const groups: [string, number][] = [
      ['Upcoming', Math.floor(inTrack / 5)],
      ['Expired', Math.floor(inTrack / 5)],
    ];
    groups.splice(1, 0, ['Active', inTrack - groups[0][1] - groups[1][1]]);
    for (const [group, count] of groups) {
      parts.push(`<h3 class="css-uq1f6w">${group}</h3>`);
      for (let i = 0; i < count; i++) {
        id++;
        const spread = (id * 37) % 360;
        const start = group === 'Upcoming' ? addDays(today, 1 + spread) : addDays(today, -(400 + spread));
        const end = group === 'Expired' ? addDays(today, -(1 + spread)) : addDays(today, 1 + spread * 2);
        const dates = group === 'Upcoming' ? `Starts ${shown(start)}` : `${shown(start)} – ${shown(end)}`;
        const warning =
          group === 'Active' && spread < 30
            ? '<svg class="css-yt0qpa" role="img" aria-label="Expiring soon" width="16" height="16"><title>Expiring soon</title><path d="M8 1 15 15H1z"/></svg>'
            : '';
        const badge = id % 50 === 0 ? '<span class="css-5tbn3c">State-owned</span>' : '';
        const licenses = 10 + (id % 1900);
        const second = group === 'Expired' ? `${id % 40} completed` : `${id % 10} assigned`;
        parts.push(
          `<div class="css-m0r1ya" data-license-set-id="ls-${id}"><div><div class="css-0pq7he"><a href="/manage/licenses/ls-${id}">LETRS Units 1-4 Cohort ${id}</a>${warning}${badge}</div><div class="css-k1m4ze">${dates}</div></div><div class="css-9w3cbt"><b>${licenses.toLocaleString('en-US')}</b> licenses<br><span>${second}</span></div></div>`,
        );
      }
      if (count === 0) parts.push(`<div class="css-e1lh3q">No ${group.toLowerCase()} license sets</div>`);
    }
    parts.push('</section>');
  }
  parts.push('</main></body></html>');
  return parts.join('\n');
}

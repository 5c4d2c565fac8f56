/**
 * The sample licenses page loaded into happy-dom's document, with the rows the reader finds on it
 * (the expected sets joined to their `data-license-set-id` elements), for the overlay's DOM tests.
 */

import type { OverlayRow } from '../components/overlay/chips';
import type { LicenseSet } from '../lib/license';
import type { PageRead } from '../lib/page-read';
import { sampleExpected, samplePage } from '../scripts/sample-page';

export const TODAY = '2026-12-03';

/** Replaces the test document's content with the sample page as of TODAY. */
export function loadSample(doc: Document = document): void {
  const html = samplePage(TODAY);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  doc.head.replaceChildren(...[...parsed.head.childNodes].map((n) => doc.importNode(n, true)));
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
}

export function sampleSets(): LicenseSet[] {
  return sampleExpected(TODAY).sets as unknown as LicenseSet[];
}

/** The sample's sets with their row elements as they are in `doc` now. */
export function sampleRows(doc: Document = document): OverlayRow[] {
  return sampleSets().map((set) => {
    const element = doc.querySelector(`[data-license-set-id="${set.id}"]`);
    if (!element) throw new Error(`row ${set.id} is not on the page`);
    return { set, element };
  });
}

export function sampleRead(overrides: Partial<PageRead> = {}): PageRead {
  const sets = sampleSets();
  return {
    isLicensesPage: true,
    complete: true,
    organization: 'Springfield Public Schools',
    tracks: [...new Set(sets.map((s) => s.track))],
    sets,
    diagnostics: [],
    ...overrides,
  };
}

/** The text a chip host shows (its shadow root's visible parts). */
export function chipText(host: Element): string {
  return [...(host.shadowRoot?.querySelectorAll('.part') ?? [])]
    .map((p) =>
      [...p.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent)
        .join(''),
    )
    .join(' | ');
}

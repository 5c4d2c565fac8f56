/**
 * What bench/overlay.bench.ts bundles for the page: the reader and the overlay, the same sources
 * the content script bundles, so the bench reads the page and updates the overlay as it does.
 */
export { createOverlay } from '../components/overlay/overlay';
export { readLicensesPageWithRows } from '../lib/reader/index';

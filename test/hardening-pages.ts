/**
 * Hostile pages too big to commit, generated at test time: a 20 MB licenses page and pages
 * nested thousands of elements deep. Shared by the happy-dom and Chromium tests.
 */

const HEAD = '<!doctype html><html><head><title>Manage Licenses | LETRS</title></head><body><h1>Manage Licenses</h1>';

/** One card row like the built-in sample's. */
export function cardRow(name: string, licenses: number, assigned: number): string {
  return `<div class="row"><div><div><a href="/x">${name}</a></div><div>Jul 1, 2026 – Jun 30, 2027</div></div><div><b>${licenses}</b> licenses<br><span>${assigned} assigned</span></div></div>`;
}

/** A licenses page of about `bytes` bytes: two real sets around a sea of paragraphs with no counts. */
export function hugeFillerPage(bytes: number): string {
  const para = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.</p>';
  const filler = para.repeat(Math.ceil(bytes / para.length));
  return `${HEAD}<section><h2>LETRS</h2><h3>Active</h3>${cardRow('First Cohort', 60, 12)}${filler}${cardRow('Last Cohort', 40, 9)}</section></body></html>`;
}

/** A licenses page of about `bytes` bytes made only of set rows (far more than the reader's 20,000-set cap). */
export function hugeRowsPage(bytes: number): string {
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = cardRow(`Cohort ${i}`, 100 + (i % 50), i % 100);
    rows.push(row);
    size += row.length;
  }
  return `${HEAD}<section><h2>LETRS</h2><h3>Active</h3>${rows.join('')}</section></body></html>`;
}

/** A licenses page whose only set sits `depth` divs deep. */
export function deepPage(depth: number): string {
  return `${HEAD}<section><h2>LETRS</h2><h3>Active</h3>${'<div>'.repeat(depth)}${cardRow('Deep Cohort', 25, 5)}${'</div>'.repeat(depth)}</section></body></html>`;
}

/** `depth` unclosed nested elements of mixed kinds, then a row, never closed. */
export function deepUnclosedPage(depth: number): string {
  const tags = ['div', 'span', 'ul><li', 'section', 'b', 'table><tr><td'];
  let open = '';
  for (let i = 0; i < depth; i++) open += `<${tags[i % tags.length]}>`;
  return `${HEAD}<h2>LETRS</h2><h3>Active</h3>${open}${cardRow('Buried Cohort', 25, 5)}`;
}

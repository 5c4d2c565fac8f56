/**
 * A row's stable id, when the page gives one: a data attribute named like an id
 * (data-id, data-license-set-id, data-key…) or the id in the row's link
 * ("/manage/licenses/ls-2041", "…?setId=2041"). Test hooks (data-testid) are not ids.
 */

const ID_ATTRIBUTE = /^data-(?:[\w-]*-)?(?:id|key|uuid)$/i;
const TEST_HOOK = /^data-(?:test-?id|testid|cy|qa|test)$/i;
const ID_PARAM = /[?&](?:[\w-]*id|set|key)=([^&#]+)/i;

/** An id-looking value: no spaces, not too long, with a digit (or a long hex string). */
export function looksLikeId(value: string): boolean {
  return (
    value.length > 0 && value.length <= 200 && !/\s/.test(value) && (/\d/.test(value) || /^[0-9a-f]{8,}$/i.test(value))
  );
}

function fromHref(href: string): string | null {
  const param = ID_PARAM.exec(href);
  if (param) {
    const value = safeDecode(param[1]);
    if (looksLikeId(value)) return value;
  }
  const path = href.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = safeDecode(path.slice(path.lastIndexOf('/') + 1));
  return looksLikeId(last) && !/^https?:$/i.test(last) ? last : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The id a row carries, or null. */
export function rowId(row: Element): string | null {
  for (const name of row.getAttributeNames()) {
    if (!ID_ATTRIBUTE.test(name) || TEST_HOOK.test(name)) continue;
    const value = row.getAttribute(name) ?? '';
    if (looksLikeId(value)) return value;
  }
  const link = row.localName === 'a' ? row : row.querySelector('a[href]');
  const href = link?.getAttribute('href');
  return href ? fromHref(href) : null;
}

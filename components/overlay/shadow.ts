/**
 * Hand-made shadow-root hosts for the overlay. WXT's createShadowRootUi makes one isolated UI per
 * call with its own style element; the overlay needs thousands of tiny hosts (a chip per row), so
 * each host shares one constructed style sheet per document and CSS text (adoptedStyleSheets),
 * falling back to a <style> element where the browser refuses a shared sheet.
 * Every host carries `data-letrs-tracker` so the page watcher ignores mutations inside it.
 */

/** The attribute that marks every element the extension puts into the page. */
export const HOST_ATTRIBUTE = 'data-letrs-tracker';

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

/** One shared sheet per document and CSS text, or null when the browser cannot share one. */
function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  let byCss = sheets.get(doc);
  if (!byCss) {
    byCss = new Map();
    sheets.set(doc, byCss);
  }
  if (byCss.has(css)) return byCss.get(css) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (Sheet && typeof Sheet.prototype.replaceSync === 'function') {
      sheet = new Sheet();
      sheet.replaceSync(css);
    }
  } catch {
    sheet = null;
  }
  byCss.set(css, sheet);
  return sheet;
}

/** Adopts the shared sheet into `root`, or gives it its own <style> element. */
function applyStyles(doc: Document, root: ShadowRoot, css: string): void {
  const sheet = sharedSheet(doc, css);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox content scripts may not share a sheet with the page: fall through.
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** A new host element `<tag data-letrs-tracker="kind">` with an open shadow root styled by `css`. */
export function createHost(
  doc: Document,
  tag: string,
  kind: string,
  css: string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(HOST_ATTRIBUTE, kind);
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(doc, root, css);
  return { host, root };
}

/** A new element with a class and text (never HTML): page text stays text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Getting text out of the page for the person: a file download (Blob + <a download>) and the
 * clipboard (navigator.clipboard, then the older selection copy). Both take the document and a
 * container inside the overlay's shadow root, so nothing is added to the page's own DOM.
 */

/** Downloads `text` as `filename` through a temporary link inside `container`. */
export function downloadText(
  doc: Document,
  container: Node,
  filename: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const view = doc.defaultView;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  container.appendChild(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; revoking later keeps slow saves working.
  (view ?? globalThis).setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copies `text` to the clipboard; false when the browser refused both ways. */
export async function copyText(doc: Document, container: Node, text: string): Promise<boolean> {
  try {
    const clipboard = doc.defaultView?.navigator.clipboard;
    if (clipboard) {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no focus, no permission): try the selection copy below.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  container.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/**
 * Functions evaluated inside test pages, shared by the Chromium (Playwright) and Firefox
 * (Puppeteer) helpers. Each is self-contained: it is serialized and run in the page.
 */

/**
 * The highlights registered by the extension: name → the text of each range (static ranges have
 * no toString, so each is copied into a live Range first).
 */
export function readHighlightTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('tifa') || highlight.size === 0) continue;
    out[name] = [...highlight].map((r) => {
      const live = document.createRange();
      try {
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
      } catch {
        return '(invalid range)';
      }
      return live.toString();
    });
  }
  return out;
}

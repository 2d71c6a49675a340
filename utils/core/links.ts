/**
 * The extension pages' own addresses, built in one place: the essay reader at an occurrence
 * (essays.html#e1-p5-o120), the glossary at an entry or a search, the options, and the reader view
 * of a tab. Paths are relative to the extension's root; callers that need an absolute URL pass them
 * to runtime.getURL.
 */

export interface EssayPlace {
  essay: number;
  paragraph: number;
  /** Offset of the phrase in the paragraph's repaired text. */
  offset?: number;
}

/** The essay reader's anchor for a place: e1-p5-o120. */
export function essayAnchor(essay: number, paragraph: number, offset?: number): string {
  return `e${essay}-p${paragraph}${offset === undefined ? '' : `-o${offset}`}`;
}

export function parseEssayAnchor(hash: string): EssayPlace | undefined {
  const m = /^#?e(\d+)-p(\d+)(?:-o(\d+))?$/.exec(hash);
  if (!m) return undefined;
  return { essay: Number(m[1]), paragraph: Number(m[2]), offset: m[3] === undefined ? undefined : Number(m[3]) };
}

/** The essay reader at an occurrence (anything with essay, paragraph and start). */
export function essayPath(o: { essay: number; paragraph: number; start?: number }): `/essays.html${string}` {
  return `/essays.html#${essayAnchor(o.essay, o.paragraph, o.start)}`;
}

/** The essay reader at its start. */
export function essayReaderPath(): '/essays.html' {
  return '/essays.html';
}

/** The glossary browser: at an entry, at a search, or at its start. */
export function glossaryPath(target: { id?: string; query?: string } = {}): `/glossary.html${string}` {
  if (target.id) return `/glossary.html#${encodeURIComponent(target.id)}`;
  if (target.query) return `/glossary.html?q=${encodeURIComponent(target.query)}`;
  return '/glossary.html';
}

export function optionsPath(): '/options.html' {
  return '/options.html';
}

/** The reader view of a tab's article (reader.html reads the tab's id from its query). */
export function readerViewPath(tabId: number): `/reader.html?tabId=${number}` {
  return `/reader.html?tabId=${tabId}`;
}

/** The PDF viewer at a document's address (the viewer's one interface: tests, bookmarks, links). */
export function pdfViewerPath(address?: string): `/pdf.html${string}` {
  return address === undefined ? '/pdf.html' : `/pdf.html?file=${encodeURIComponent(address)}`;
}

/**
 * The document's address in the viewer's query. Two forms arrive: `?file=<encodeURIComponent(address)>`
 * (pdfViewerPath above: the context menu, the popup, Firefox's redirect) and
 * `?file=<address as requested>` (Chrome's redirect, which cannot encode). The second is told apart
 * by its `://`, which an encoded address never holds, and read verbatim: its own `&`, `+` and `%`
 * belong to the address.
 */
export function viewerFileAddress(search: string): string | null {
  const raw = /^\??file=([a-z][a-z0-9+.-]*:\/\/.*)$/is.exec(search);
  if (raw) return raw[1];
  return new URLSearchParams(search).get('file');
}

/**
 * Whether an address names a PDF by its path (…/report.pdf, …/file.pdf?id=3). A guess, for the
 * popup's offer on a tab the extension cannot read: a PDF served from an address without .pdf is
 * opened from the viewer's own page instead.
 */
export function looksLikePdfAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:') && /\.pdf$/i.test(url.pathname);
  } catch {
    return false;
  }
}

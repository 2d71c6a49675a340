/**
 * Saves text as a file from an extension page (exports, flashcards): a blob link clicked once. No
 * "downloads" permission is needed, and nothing leaves the browser.
 */
export function saveFile(document: Document, name: string, type: string, content: string): void {
  const view = document.defaultView!;
  const url = view.URL.createObjectURL(new view.Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started by then; the URL is only needed until it does.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
}

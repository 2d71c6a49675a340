/**
 * What the e2e suites of Chromium and Firefox share to test the first content script
 * (entrypoints/content-loader.ts): an English page, and functions run in the page with
 * page.evaluate (self-contained: they are serialized).
 */

/** An English news page: furniture, an article, a footer; no Chinese anywhere. */
export const ENGLISH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>
<nav><a href="#a">Home</a> <a href="#b">World</a></nav>
<article><h1>Budget review</h1><p id="first">The committee met on Tuesday to review the budget.</p>
<p id="second">Every department reported on what it had spent.</p></article>
<iframe src="/english-frame.html"></iframe>
<footer>Contact us</footer>
</body></html>`;

/** In the page: why the content script was started in this frame (README, "Testing hooks": tifa-wake), or null. */
export function wakeReason(): string | null {
  const [mark] = performance.getEntriesByName('tifa-wake') as PerformanceMark[];
  return mark ? (mark.detail.reason as string) : null;
}

/** In the page: appends a paragraph of Chinese holding the phrase 上有政策、下有对策. */
export function appendChinese(): void {
  const p = document.createElement('p');
  p.textContent = '坚决防止上有政策、下有对策。';
  document.body.append(p);
}

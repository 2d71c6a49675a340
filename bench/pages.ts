/** Synthetic pages for the benchmarks, built from the corpus so that phrases occur at real density. */
import type { Corpus } from '../utils/core/corpus-model';

/** About `targetBytes` of UTF-8 Chinese text: the essays repeated, in Simplified and Traditional. */
export function chineseText(corpus: Corpus, targetBytes: number, convert: (s: string) => string = (s) => s): string {
  const paragraphs = corpus.essays.flatMap((e) => e.paragraphs.map((p) => p.text));
  let text = '';
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const p = paragraphs[i % paragraphs.length];
    const line = `${i % 2 === 0 ? p : convert(p)}\n`;
    text += line;
    bytes += Buffer.byteLength(line);
  }
  return text;
}

/**
 * A page of about `targetBytes` of Chinese text in many small text nodes: every paragraph is cut
 * into runs of `runLength` characters wrapped alternately in <span>, <b>, <a> and bare text, as news
 * sites' markup does, so phrases often straddle element boundaries.
 */
export function chinesePage(text: string, runLength = 7): { html: string; textNodes: number } {
  const tags = ['span', 'b', '', 'a', 'em', ''];
  let textNodes = 0;
  const body = text
    .split('\n')
    .filter(Boolean)
    .map((paragraph, p) => {
      let html = '';
      for (let i = 0, k = p; i < paragraph.length; i += runLength, k++) {
        const run = paragraph.slice(i, i + runLength);
        const tag = tags[k % tags.length];
        html += tag ? `<${tag}${tag === 'a' ? ' href="#"' : ''}>${run}</${tag}>` : run;
        textNodes++;
      }
      return `<p>${html}</p>`;
    })
    .join('\n');
  return {
    html: `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>bench</title></head><body><article>${body}</article></body></html>`,
    textNodes,
  };
}

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

/**
 * A 1 MB news page of the usual make-up: most of its bytes are not text. An inline stylesheet,
 * the page state as JSON (with the article in it again, as server-rendered sites ship it), a long
 * navigation, the article (`articleChars` of Chinese in paragraphs with inline markup), related
 * headlines, comments and a footer, every element carrying classes and data attributes.
 */
export function newsPage(corpus: Corpus, targetBytes: number, articleChars = 12_000): { html: string; textChars: number } {
  const paragraphs = corpus.essays.flatMap((e) => e.paragraphs.map((p) => p.text)).filter((p) => p.length > 20);
  const pick = (i: number) => paragraphs[(i * 7) % paragraphs.length];
  const headline = (i: number) => pick(i).slice(0, 18 + (i % 9));
  let articleText = '';
  const article: string[] = [];
  for (let i = 0; articleText.length < articleChars; i++) {
    const p = pick(i);
    articleText += p;
    const cut = Math.floor(p.length / 3);
    article.push(
      `<p class="article-p" data-index="${i}"><span class="lead">${p.slice(0, cut)}</span>${p.slice(cut, 2 * cut)}` +
        `<a href="/topic/${i}" class="kw" data-track="kw-${i}">${p.slice(2 * cut, 2 * cut + 4)}</a>${p.slice(2 * cut + 4)}</p>`,
    );
  }
  const nav = Array.from(
    { length: 160 },
    (_, i) => `<li class="nav-item nav-${i % 12}" data-id="n${i}"><a href="/c/${i}" class="nav-link">${headline(i).slice(0, 4)}</a></li>`,
  );
  const related = Array.from(
    { length: 60 },
    (_, i) =>
      `<li class="rel" data-pos="${i}"><a href="/news/${i}.html" title="${headline(i + 50)}">${headline(i + 50)}</a><span class="time">2026-11-${String((i % 28) + 1).padStart(2, '0')}</span></li>`,
  );
  const comments = Array.from(
    { length: 80 },
    (_, i) =>
      `<div class="comment" data-uid="${1000 + i}"><span class="user">网友${i}</span><p class="c-text">${headline(i + 200)}。</p><span class="likes">${i * 3}</span></div>`,
  );
  const body =
    `<header class="site-header"><div class="logo">示例新闻网</div><nav><ul class="nav">${nav.join('')}</ul></nav></header>` +
    `<main class="layout"><article class="content"><h1 class="title">${headline(1)}</h1><div class="meta"><span class="author">本报记者</span> <time>2026-11-20</time></div>` +
    `${article.join('\n')}</article><aside class="sidebar"><h3>相关新闻</h3><ul>${related.join('')}</ul></aside>` +
    `<section class="comments"><h3>网友评论</h3>${comments.join('')}</section></main>` +
    `<footer class="site-footer"><p>关于我们 · 联系我们 · 版权所有</p></footer>`;
  const rules: string[] = [];
  for (let i = 0; rules.join('').length < targetBytes * 0.12; i++) {
    rules.push(
      `.c${i} .item-${i % 37} > a:hover{color:#${((i * 2654435761) >>> 8).toString(16).slice(0, 6).padEnd(6, '0')};margin:${i % 9}px ${i % 5}px;}`,
    );
  }
  const head = `<meta charset="utf-8"><title>${headline(1)} - 示例新闻网</title><style>${rules.join('\n')}</style>`;
  const page = (state: string) =>
    `<!doctype html><html lang="zh-CN"><head>${head}<script type="application/json" id="__STATE__">${state}</script></head><body>${body}</body></html>`;
  // The page state fills the page up to `targetBytes`: the article again, then feed items.
  const items: { id: number; title: string; summary: string }[] = [];
  let state = JSON.stringify({ article: articleText, items });
  for (let i = 0; Buffer.byteLength(page(state)) < targetBytes; i++) {
    items.push({ id: i, title: headline(i + 300), summary: pick(i + 300).slice(0, 60) });
    if (i % 50 === 0) state = JSON.stringify({ article: articleText, items });
  }
  state = JSON.stringify({ article: articleText, items });
  const html = page(state);
  const visibleText = html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '');
  return { html, textChars: visibleText.length };
}

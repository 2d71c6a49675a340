import phrases from '../../generated/phrases.json';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompiledPhrases } from '../core/compiled-data';
import { createPhraseMatcher } from '../core/phrase-matcher';
import { createCssHighlightPainter } from './highlight-painter';
import { PageHighlighter } from './page-highlighter';

const matcher = createPhraseMatcher(phrases as unknown as CompiledPhrases);
let highlighter: PageHighlighter | undefined;

afterEach(() => {
  highlighter?.stop();
  highlighter = undefined;
  document.body.replaceChildren();
});

/** Every registered highlight's text. */
function highlighted(): string[] {
  const out: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('tifa')) continue;
    for (const r of h) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      out.push(live.toString());
    }
  }
  return out.sort();
}

function start(html: string) {
  document.body.innerHTML = html; // test fixture markup
  const settled: { kind: string; count: number }[] = [];
  highlighter = new PageHighlighter(document, {
    matcher: () => matcher,
    painter: createCssHighlightPainter(),
    onSettled: (kind, count) => settled.push({ kind, count }),
  });
  return { settled, done: highlighter.start() };
}

const nextUpdate = (settled: { kind: string }[]) => {
  const before = settled.filter((s) => s.kind === 'update').length;
  return expect.poll(() => settled.filter((s) => s.kind === 'update').length).toBeGreaterThan(before);
};

describe('the page highlighter in a real engine', () => {
  it('highlights across inline elements, in any script, and signals its first pass', async () => {
    const { settled, done } = start('<p>解决<b>最后</b>一公裡的问题</p><p>堅持民主集中制</p>');
    await done;
    expect(highlighted()).toEqual(['最后一公裡', '民主集中制']);
    expect(settled).toEqual([{ kind: 'first-pass', count: 2 }]);
    expect(highlighter!.matches().map((m) => m.id)).toEqual(['zuihou-yigongli', 'minzhu-jizhongzhi']);
  });

  it('signals its first pass on a page without Chinese too, with nothing found', async () => {
    const { settled, done } = start('<p>The last mile</p>');
    await done;
    expect(settled).toEqual([{ kind: 'first-pass', count: 0 }]);
    expect(highlighted()).toEqual([]);
  });

  it('follows changes: new text is highlighted, text that changed or went is not', async () => {
    const { settled, done } = start('<p id="a">干部要严以律己</p><p id="b">其他</p>');
    await done;
    const a = document.getElementById('a')!;
    a.firstChild!.textContent = '今天天气很好';
    document.getElementById('b')!.append(document.createTextNode('，落实八项规定'));
    await nextUpdate(settled);
    expect(highlighted()).toEqual(['八项规定']);
    document.getElementById('b')!.remove();
    await nextUpdate(settled);
    expect(highlighted()).toEqual([]);
    expect(highlighter!.count).toBe(0);
  });

  it('finds the match under a caret position, and none outside it', async () => {
    const { done } = start('<p>前面最后一公里后面</p>');
    await done;
    const text = document.querySelector('p')!.firstChild!;
    expect(highlighter!.matchAt(text, 2)?.id).toBe('zuihou-yigongli');
    expect(highlighter!.matchAt(text, 6)?.id).toBe('zuihou-yigongli');
    expect(highlighter!.matchAt(text, 7)).toBeUndefined();
    expect(highlighter!.matchAt(text, 1)).toBeUndefined();
  });

  it('reads open shadow roots present at the start, and leaves closed ones alone', async () => {
    document.body.innerHTML = '<div id="open"></div><div id="closed"></div>';
    document.getElementById('open')!.attachShadow({ mode: 'open' }).innerHTML = '<p>影子里的民主集中制</p>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>封闭的八项规定</p>';
    highlighter = new PageHighlighter(document, { matcher: () => matcher, painter: createCssHighlightPainter() });
    await highlighter.start();
    expect(highlighted()).toEqual(['民主集中制']);
  });
});

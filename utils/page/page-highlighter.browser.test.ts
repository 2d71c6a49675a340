import phrases from '../../generated/phrases.json';
import { highlighted } from '../../test-support/highlights';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompiledPhrases } from '../core/compiled-data';
import { createPhraseMatcher } from '../core/phrase-matcher';
import type { HighlightLevel } from '../core/policy-context';
import { createCssHighlightPainter } from './highlight-painter';
import { PageHighlighter } from './page-highlighter';

/**
 * The reader's slices, seen where it gives the main thread back: a plain yield ('eager', on a small
 * page) or a wait for the next frame ('frame'). `work` is the script time of the pass measured
 * from its start up to that yield, waits left out; `framesBefore`/`framesAfter` count frames
 * (their requestAnimationFrame callbacks) when the slice yielded and when the next one began.
 */
type Slice = { kind: 'eager' | 'frame'; work: number; framesBefore: number; framesAfter: number };
const yields = vi.hoisted(() => ({ recording: false, log: [] as Slice[], frames: 0, work: 0, sliceStart: 0 }));
vi.mock('./yield-to-page', async (importOriginal) => {
  const original = await importOriginal<typeof import('./yield-to-page')>();
  const record = async (kind: Slice['kind'], wait: Promise<void>) => {
    if (!yields.recording) return wait;
    yields.work += performance.now() - yields.sliceStart;
    const slice: Slice = { kind, work: yields.work, framesBefore: yields.frames, framesAfter: yields.frames };
    yields.log.push(slice);
    await wait;
    slice.framesAfter = yields.frames;
    yields.sliceStart = performance.now();
  };
  return {
    ...original,
    yieldToPage: () => record('eager', original.yieldToPage()),
    afterNextFrame: (document: Document) => record('frame', original.afterNextFrame(document)),
  };
});
/** The reader's budget of plain yields on a small page (EAGER_MS in highlighter/page-reader.ts). */
const EAGER_MS = 60;

const matcher = createPhraseMatcher(phrases as unknown as CompiledPhrases);
let highlighter: PageHighlighter | undefined;

afterEach(() => {
  highlighter?.stop();
  highlighter = undefined;
  document.body.replaceChildren();
});

function start(html: string, level?: HighlightLevel) {
  document.body.innerHTML = html; // test fixture markup
  const settled: { kind: string; count: number }[] = [];
  highlighter = new PageHighlighter(document, {
    matcher: () => (level ? matcher.forLevel(level) : matcher),
    level,
    painter: createCssHighlightPainter(),
    onSettled: (kind, count) => settled.push({ kind, count }),
  });
  return { settled, done: highlighter.start() };
}

const nextUpdate = (settled: { kind: string }[]) => {
  const before = settled.filter((s) => s.kind === 'update').length;
  return expect.poll(() => settled.filter((s) => s.kind === 'update').length).toBeGreaterThan(before);
};

describe('set formulas wait for a page about policy (the default level)', () => {
  it('holds them back on a page that is not, everywhere a reader could see them', async () => {
    const { settled, done } = start('<p>这场比赛主队防守形同虚设，队员们一团和气。</p>', 'context');
    await done;
    expect(settled).toEqual([{ kind: 'first-pass', count: 0 }]);
    expect(highlighter!.matches()).toEqual([]);
    const text = document.querySelector('p')!.firstChild!;
    expect(highlighter!.matchAt(text, 9)).toBeUndefined();
    // Give the registration frames their chance to (wrongly) show something.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(highlighted()).toEqual([]);
  });

  it('releases every one of them when a later block shows policy, and shows quoted ones at once', async () => {
    const { settled, done } = start('<p>检查形同虚设，搞“一团和气”。</p><p id="more"></p>', 'context');
    await done;
    await expect.poll(highlighted).toEqual(['一团和气']);
    document.getElementById('more')!.textContent = '县纪委通报违反八项规定问题。';
    await nextUpdate(settled);
    await expect.poll(highlighted).toEqual(['一团和气', '八项规定', '形同虚设']);
    expect(highlighter!.count).toBe(3);
    expect(settled.at(-1)).toEqual({ kind: 'update', count: 3 });
    const text = document.querySelector('p')!.firstChild!;
    expect(highlighter!.matchAt(text, 3)?.id).toBe('xing-tong-xushe');
  });

  it('key phrases are never held back; vocabulary waits for the level that asks for everything', async () => {
    const html = '<p>这场比赛防守形同虚设，领导班子和最后一公里。</p>';
    const key = start(html, 'key');
    await key.done;
    await expect.poll(highlighted).toEqual(['最后一公里']);
    highlighter!.stop();
    const all = start(html, 'all');
    await all.done;
    await expect.poll(highlighted).toEqual(['形同虚设', '最后一公里', '领导班子']);
  });
});

describe('the page highlighter in a real engine', () => {
  it('highlights across inline elements, in any script, and signals its first pass', async () => {
    const { settled, done } = start('<p>解决<b>最后</b>一公裡的问题</p><p>堅持民主集中制</p>');
    await done;
    expect(settled).toEqual([{ kind: 'first-pass', count: 2 }]);
    await expect.poll(highlighted).toEqual(['最后一公裡', '民主集中制']);
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
    await expect.poll(highlighted).toEqual(['严以律己']);
    const a = document.getElementById('a')!;
    a.firstChild!.textContent = '今天天气很好';
    document.getElementById('b')!.append(document.createTextNode('，落实八项规定'));
    await nextUpdate(settled);
    await expect.poll(highlighted).toEqual(['八项规定']);
    document.getElementById('b')!.remove();
    await nextUpdate(settled);
    await expect.poll(highlighted).toEqual([]);
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
    await expect.poll(highlighted).toEqual(['民主集中制']);
  });
});

describe('what is registered follows what is on screen', () => {
  /** A page `screens` viewports long, a phrase in every paragraph. */
  function longPage(screens: number) {
    const paragraphs = Array.from(
      { length: screens * 10 },
      (_, i) => `<p style="height: ${Math.ceil(innerHeight / 10)}px; margin: 0">第${i}段：落实八项规定</p>`,
    );
    return start(paragraphs.join(''));
  }

  it('keeps every match, but registers only those within about a viewport of the screen', async () => {
    scrollTo(0, 0);
    const { done } = longPage(8);
    await done;
    expect(highlighter!.count).toBe(80);
    // The first matches read are shown at once (the top of the page is on screen at load); the
    // browser's report then narrows them to the screen and one screen below it (22: rounding).
    await expect.poll(() => highlighter!.registered).toBeLessThanOrEqual(22);
    expect(highlighter!.registered).toBeGreaterThanOrEqual(10);
  });

  it('follows scrolling: the bottom of the page is highlighted when it is shown, the top let go', async () => {
    const { done } = longPage(8);
    await done;
    await expect.poll(() => highlighter!.registered).toBeGreaterThan(0);
    const last = document.querySelector('p:last-of-type')!.firstChild!;
    scrollTo(0, document.documentElement.scrollHeight);
    await expect.poll(() => CSS.highlights.get('tifa-numbered-formula')?.size ?? 0).toBeGreaterThan(0);
    await expect.poll(() => [...(CSS.highlights.get('tifa-numbered-formula') ?? [])].some((r) => r.startContainer === last)).toBe(true);
    const first = document.querySelector('p')!.firstChild!;
    await expect.poll(() => [...(CSS.highlights.get('tifa-numbered-formula') ?? [])].some((r) => r.startContainer === first)).toBe(false);
    scrollTo(0, 0);
  });

  it('registers a match off screen at once when navigation asks for it', async () => {
    scrollTo(0, 0);
    const { done } = longPage(8);
    await done;
    const target = highlighter!.matches()[75];
    const isRegistered = () => [...(CSS.highlights.get('tifa-numbered-formula') ?? [])].includes(target.range);
    await expect.poll(isRegistered).toBe(false);
    highlighter!.reveal(target);
    expect(isRegistered()).toBe(true);
  });

  it('registers only the part of one huge block that is near the viewport', async () => {
    scrollTo(0, 0);
    const text = Array.from({ length: 3000 }, (_, i) => `第${i}行落实八项规定。`).join('\n');
    const { done } = start(`<pre style="font-size: 16px; margin: 0">${text}</pre>`);
    await done;
    expect(highlighter!.count).toBe(3000);
    await expect.poll(() => highlighter!.registered).toBeGreaterThan(0);
    expect(highlighter!.registered).toBeLessThan(200);
  });

  it('lets removed text take its own matches with it', async () => {
    const { settled, done } = start('<div id="list"><p>严以律己</p><p>八项规定</p><p>民主集中制</p></div>');
    await done;
    await expect.poll(highlighted).toEqual(['严以律己', '八项规定', '民主集中制'].sort());
    document.querySelector('#list p:nth-child(2)')!.remove();
    await nextUpdate(settled);
    await expect.poll(highlighted).toEqual(['严以律己', '民主集中制'].sort());
    expect(highlighter!.matches().map((m) => m.id)).toEqual(['yan-yi-lv-ji', 'minzhu-jizhongzhi']);
  });
});

describe('shadow roots attached after the first pass', () => {
  it('reads a root it is told about, and the content added to it later', async () => {
    const { settled, done } = start('<p>开头</p><div id="host"></div>');
    await done;
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    highlighter!.addShadowRoot(root);
    root.innerHTML = '<p>影子里的民主集中制</p>';
    await nextUpdate(settled);
    await expect.poll(highlighted).toEqual(['民主集中制']);
  });

  it('finds the root of a host inserted with its root already attached, even if it fills it later', async () => {
    const { settled, done } = start('<p>开头</p>');
    await done;
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    await nextUpdate(settled);
    root.innerHTML = '<p>后来的八项规定</p>';
    await nextUpdate(settled);
    await expect.poll(highlighted).toEqual(['八项规定']);
  });
});

describe('how the first pass shares the main thread', () => {
  /** Paragraphs of 20 elements of text, one phrase in each: their first pass, and how it gave the main thread back. */
  async function firstPassOf(paragraphs: number) {
    const sentence = '今天天气很好我们一起去公园散步然后回家吃饭晚上看书听音乐早点睡觉明天还要上学';
    const spans = (i: number) => Array.from({ length: 19 }, (_, k) => `<span>第${i}段${k}句${sentence.repeat(4)}</span>`).join('');
    document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p>${spans(i)}落实八项规定</p>`).join(''); // test fixture markup
    // Frames are counted by their requestAnimationFrame callbacks, slices by the reader's yields
    // (see the vi.mock above): events, so that a slow or busy machine changes neither.
    yields.frames = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      yields.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    highlighter = new PageHighlighter(document, { matcher: () => matcher, painter: createCssHighlightPainter() });
    yields.log = [];
    yields.work = 0;
    yields.sliceStart = performance.now();
    yields.recording = true;
    try {
      await highlighter.start();
    } finally {
      yields.recording = false;
      counting = false;
    }
    return { elements: document.body.getElementsByTagName('*').length, slices: yields.log, count: highlighter.count };
  }

  it('reads a page of more than 12,000 elements one slice a frame from the start', async () => {
    const pass = await firstPassOf(700);
    expect(pass.elements).toBeGreaterThan(12_000);
    expect(pass.count).toBe(700);
    // Several slices (the first ends after a screen's worth of text: three of these paragraphs).
    expect(pass.slices.length).toBeGreaterThan(1);
    // Every slice after the first waits for a frame, none for a plain yield, and a frame passes
    // between any two slices.
    for (const slice of pass.slices) {
      expect(slice.kind).toBe('frame');
      expect(slice.framesAfter).toBeGreaterThan(slice.framesBefore);
    }
  });

  it('shows every highlight of a big page’s first screen in its first frame, having read little more', async () => {
    const sentence = '今天天气很好我们一起去公园散步然后回家吃饭晚上看书听音乐早点睡觉明天还要上学';
    const spans = (i: number) => Array.from({ length: 19 }, (_, k) => `<span>第${i}段${k}句${sentence}</span>`).join('');
    // A top of short paragraphs (the screen shows several), then long ones.
    const short = Array.from({ length: 30 }, (_, i) => `<p>第${i}条<span>落实八项规定</span></p>`).join('');
    document.body.innerHTML = short + Array.from({ length: 700 }, (_, i) => `<p>${spans(i)}<span>落实八项规定</span></p>`).join(''); // test fixture markup
    expect(document.body.getElementsByTagName('*').length).toBeGreaterThan(12_000);
    // The phrase ends each paragraph, in an element of its own.
    const phraseNodes = [...document.querySelectorAll('p')].map((p) => p.lastChild!.firstChild as Text);
    const onScreen = phraseNodes.filter((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    });
    expect(onScreen.length).toBeGreaterThan(0);
    let atFirstFrame: Text[] | undefined;
    requestAnimationFrame(() => {
      atFirstFrame = [];
      for (const [name, h] of CSS.highlights) if (name.startsWith('tifa')) for (const r of h) atFirstFrame.push(r.startContainer as Text);
    });
    highlighter = new PageHighlighter(document, { matcher: () => matcher, painter: createCssHighlightPainter() });
    await highlighter.start();
    expect(highlighter.count).toBe(730);
    expect(onScreen.length).toBeGreaterThan(3);
    for (const node of onScreen) expect(atFirstFrame).toContain(node);
    // A screen's worth of text (8,000 characters: 40 paragraphs here), not a whole 10 ms slice
    // (over a hundred paragraphs).
    expect(atFirstFrame!.length).toBeLessThan(60);
  });

  it('reads a smaller page in one go, without waiting for frames', async () => {
    const pass = await firstPassOf(590);
    expect(pass.elements).toBeLessThan(12_000);
    expect(pass.count).toBe(590);
    // More than one slice (the first ends after a screen's worth of text), or the test says nothing.
    expect(pass.slices.length).toBeGreaterThan(0);
    expect(pass.slices[0].kind).toBe('eager');
    // Plain yields while its own work is under the 60 ms budget (the work measured here, from the
    // start, is at least what the reader counts); frames, if ever, only after it, never before.
    for (const slice of pass.slices) if (slice.work < EAGER_MS) expect(slice.kind).toBe('eager');
    const firstFrame = pass.slices.findIndex((slice) => slice.kind === 'frame');
    if (firstFrame >= 0) expect(pass.slices.slice(firstFrame).every((slice) => slice.kind === 'frame')).toBe(true);
  });
});

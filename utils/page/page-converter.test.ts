import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as OpenCC from 'opencc-js';
import { convertPacked, OPENCC_LOCALES, type PackedBlocks, type Target } from '../core/convert';
import { MUTATION_BATCH_MS } from './scope-batcher';
import { PageConverter as BaseConverter, type ConvertBlocks, type PageConverterOptions } from './page-converter';

const converters = new Map<Target, (text: string) => string>();
/** The converter the extension runs in its offscreen document, here in-process. */
async function convert(target: Target, blocks: PackedBlocks): Promise<PackedBlocks> {
  let fn = converters.get(target);
  if (!fn) converters.set(target, (fn = OpenCC.Converter(OPENCC_LOCALES[target] as { from: 'cn'; to: 'tw' })));
  return convertPacked(blocks, fn);
}

const PAGE = `<head><title>干部队伍的发展</title></head><body>
<article>
  <p id="split">她剪了<b>头</b>发。</p>
  <p id="plain" lang="zh-CN">经济发展，干部队伍建设，若干问题。</p>
  <p id="same">ABC 123</p>
  <p id="attrs" title="发展说明"><img alt="干部照片"></p>
  <textarea id="area">发展干部</textarea>
  <div id="editor" contenteditable="true">发展干部</div>
  <script>var s = "发展";</script>
</article></body>`;

function load(html = PAGE): string {
  document.documentElement.innerHTML = html;
  document.documentElement.setAttribute('lang', 'zh');
  return document.documentElement.outerHTML;
}
const textOf = (id: string) => document.getElementById(id)!.textContent;

/** Every converter a test makes is stopped after it: a converted page keeps watching for content. */
const made: BaseConverter[] = [];
class PageConverter extends BaseConverter {
  constructor(document: Document, convert: ConvertBlocks, options?: PageConverterOptions) {
    super(document, convert, options);
    made.push(this);
  }
}

describe('PageConverter', () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('lang');
  });
  afterEach(() => {
    for (const converter of made.splice(0)) converter.stop();
  });

  it('converts phrases across inline elements, the title and attributes, and restores byte for byte', async () => {
    const original = load();
    const converter = new PageConverter(document, convert);
    await converter.apply('tw');
    expect(textOf('split')).toBe('她剪了頭髮。');
    expect(textOf('plain')).toBe('經濟發展，幹部隊伍建設，若干問題。');
    expect(document.title).toBe('幹部隊伍的發展');
    expect(document.getElementById('attrs')!.getAttribute('title')).toBe('發展說明');
    expect(document.querySelector('img')!.getAttribute('alt')).toBe('幹部照片');
    expect(converter.choice).toBe('tw');
    await converter.apply('original');
    expect(document.documentElement.outerHTML).toBe(original);
    expect(converter.choice).toBe('original');
  });

  it('never touches text being edited, form fields or code', async () => {
    load();
    await new PageConverter(document, convert).apply('tw');
    expect((document.getElementById('area') as HTMLTextAreaElement).value).toBe('发展干部');
    expect(textOf('editor')).toBe('发展干部');
    expect(document.querySelector('script')!.textContent).toBe('var s = "发展";');
    expect(document.getElementById('editor')!.hasAttribute('lang')).toBe(false);
  });

  it('leaves Japanese and Korean declared as such alone', async () => {
    load('<body><p id="zh">国会图书馆</p><p id="ja" lang="ja">国会図書館</p><div lang="ko-KR"><p id="ko">国会</p></div></body>');
    await new PageConverter(document, convert).apply('tw');
    expect(textOf('zh')).toBe('國會圖書館');
    expect(textOf('ja')).toBe('国会図書館');
    expect(textOf('ko')).toBe('国会');
  });

  it('gives rewritten blocks the target language, leaves <html lang> alone, and puts back what was there', async () => {
    const original = load();
    const converter = new PageConverter(document, convert);
    await converter.apply('tw');
    // <html lang> would restyle the whole page in one frame; the blocks carry the language.
    expect(document.documentElement.getAttribute('lang')).toBe('zh');
    expect(document.getElementById('split')!.getAttribute('lang')).toBe('zh-TW');
    expect(document.getElementById('plain')!.getAttribute('lang')).toBe('zh-TW');
    // Nothing rewritten there: no language set.
    expect(document.getElementById('same')!.hasAttribute('lang')).toBe(false);
    await converter.apply('hk');
    expect(document.getElementById('split')!.getAttribute('lang')).toBe('zh-HK');
    expect(document.documentElement.getAttribute('lang')).toBe('zh');
    await converter.apply('original');
    expect(document.getElementById('plain')!.getAttribute('lang')).toBe('zh-CN');
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('writes only text that changes', async () => {
    load();
    const changed: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) if (r.type === 'characterData') changed.push(r.target);
    });
    observer.observe(document.body, { characterData: true, subtree: true });
    await new PageConverter(document, convert).apply('tw');
    await Promise.resolve();
    observer.disconnect();
    const texts = changed.map((n) => n.textContent);
    // 她剪了 stays as it is; 头 and 发。 change; ABC 123 and the textarea never do.
    expect(texts).toContain('頭');
    expect(texts).toContain('髮。');
    expect(texts).not.toContain('她剪了');
    expect(texts.some((t) => t?.includes('ABC'))).toBe(false);
  });

  it('leaves text and languages the page replaced since as the page wrote them', async () => {
    load();
    const converter = new PageConverter(document, convert);
    await converter.apply('tw');
    document.querySelector('#plain')!.firstChild!.textContent = '页面自己改的';
    document.getElementById('split')!.setAttribute('lang', 'en');
    await converter.apply('original');
    expect(textOf('plain')).toBe('页面自己改的');
    expect(document.getElementById('split')!.getAttribute('lang')).toBe('en');
    // The rest is restored.
    expect(textOf('split')).toBe('她剪了头发。');
    expect(document.title).toBe('干部队伍的发展');
  });

  it('converts from the original when the choice changes mid-way, and ends in the last choice', async () => {
    const original = load();
    const converter = new PageConverter(document, convert);
    void converter.apply('tw');
    void converter.apply('cn');
    await converter.apply('hk');
    expect(textOf('plain')).toBe('經濟發展，幹部隊伍建設，若干問題。');
    expect(document.getElementById('plain')!.getAttribute('lang')).toBe('zh-HK');
    void converter.apply('tw');
    await converter.apply('original');
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('pauses the watcher while the page is rewritten and resumes it once, after the last choice', async () => {
    load();
    const watcher = { pause: vi.fn(), resume: vi.fn() };
    const converter = new PageConverter(document, convert, { watcher });
    void converter.apply('tw');
    await converter.apply('hk');
    expect(watcher.pause).toHaveBeenCalled();
    expect(watcher.resume).toHaveBeenCalledTimes(1);
  });

  it('writes a hidden page without waiting for frames (a hidden tab has none)', async () => {
    load();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    try {
      await new PageConverter(document, convert).apply('tw');
      expect(textOf('split')).toBe('她剪了頭髮。');
      expect(frames).not.toHaveBeenCalled();
    } finally {
      visibility.mockRestore();
      frames.mockRestore();
    }
  });

  it('converts content that arrives later until conversion is turned off', async () => {
    load();
    const converter = new PageConverter(document, convert);
    await converter.apply('tw');
    const later = document.createElement('p');
    later.textContent = '后来的干部';
    document.querySelector('article')!.append(later);
    await vi.waitFor(() => expect(later.textContent).toBe('後來的幹部'));
    await converter.apply('original');
    expect(later.textContent).toBe('后来的干部');
    // Well past the batching delay (on fake timers: no waiting), nothing converts it.
    vi.useFakeTimers();
    try {
      const after = document.createElement('p');
      after.textContent = '后来的干部';
      document.querySelector('article')!.append(after);
      await vi.advanceTimersByTimeAsync(5 * MUTATION_BATCH_MS);
      await converter.idle();
      expect(after.textContent).toBe('后来的干部');
    } finally {
      vi.useRealTimers();
    }
  });

  describe('the selection', () => {
    /** Selects from `startOffset` in `start`'s first text node to `endOffset` in `end`'s. */
    function select(start: string, startOffset: number, end: string, endOffset: number): Range {
      const range = document.createRange();
      range.setStart(document.getElementById(start)!.firstChild!, startOffset);
      range.setEnd(document.getElementById(end)!.firstChild!, endOffset);
      return range;
    }

    it('converts what is selected, never text being edited, and Original restores it byte for byte', async () => {
      const original = load();
      const converter = new PageConverter(document, convert);
      // From 了 in #split (across <b>头</b>) to the middle of the contenteditable after the textarea.
      expect(await converter.convertRange(select('split', 2, 'editor', 2), 'tw')).toBe(true);
      expect(textOf('split')).toBe('她剪了頭髮。');
      expect(textOf('plain')).toBe('經濟發展，幹部隊伍建設，若干問題。');
      expect(document.getElementById('attrs')!.getAttribute('title')).toBe('发展说明');
      expect((document.getElementById('area') as HTMLTextAreaElement).value).toBe('发展干部');
      expect(textOf('editor')).toBe('发展干部');
      // Only the page as a whole has a script; the rest of it is as it was.
      expect(converter.choice).toBe('original');
      expect(document.title).toBe('干部队伍的发展');

      await converter.apply('original');
      expect(document.documentElement.outerHTML).toBe(original);
    });

    it('converts only the selected part of a text node, and restores it after the page was converted too', async () => {
      const original = load();
      const converter = new PageConverter(document, convert);
      await converter.convertRange(select('plain', 0, 'plain', 4), 'tw');
      expect(textOf('plain')).toBe('經濟發展，干部队伍建设，若干问题。');
      // The whole page after the selection: converted from the original, then restored to it.
      await converter.apply('hk');
      expect(textOf('plain')).toBe('經濟發展，幹部隊伍建設，若干問題。');
      await converter.apply('original');
      expect(document.documentElement.outerHTML).toBe(original);
    });

    it('leaves a node the page rewrote while the conversion was on its way', async () => {
      load();
      let answer: (() => void) | undefined;
      const converter = new PageConverter(
        document,
        (target, blocks) => new Promise((resolve) => (answer = () => resolve(convert(target, blocks)))),
      );
      const done = converter.convertRange(select('split', 0, 'plain', 4), 'tw');
      document.getElementById('plain')!.firstChild!.textContent = '页面自己改的';
      answer!();
      expect(await done).toBe(true);
      expect(textOf('split')).toBe('她剪了頭髮。');
      expect(textOf('plain')).toBe('页面自己改的');
      await converter.apply('original');
      expect(textOf('split')).toBe('她剪了头发。');
      expect(textOf('plain')).toBe('页面自己改的');
    });

    it('has nothing to convert inside an editable region', async () => {
      const original = load();
      const converter = new PageConverter(document, convert);
      expect(await converter.convertRange(select('editor', 0, 'editor', 4), 'tw')).toBe(false);
      expect(document.documentElement.outerHTML).toBe(original);
    });
  });

  it('reports a failed conversion and leaves the page as it was', async () => {
    const original = load();
    const failing = new PageConverter(document, () => Promise.reject(new Error('no converter')));
    await expect(failing.apply('tw')).rejects.toThrow('no converter');
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('goes on after a failed conversion', async () => {
    load();
    let fail = true;
    const converter = new PageConverter(document, (target, blocks) =>
      fail ? Promise.reject(new Error('offline')) : convert(target, blocks),
    );
    await expect(converter.apply('tw')).rejects.toThrow('offline');
    fail = false;
    await converter.apply('tw');
    expect(textOf('split')).toBe('她剪了頭髮。');
  });
});

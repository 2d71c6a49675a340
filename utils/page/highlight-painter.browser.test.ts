import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HIGHLIGHT_SETTINGS, categoryPaint } from '../core/settings-schema';
import { createCssHighlightPainter, createOverlayPainter } from './highlight-painter';
import { createHighlightStyles, type HighlightRules } from './highlight-styles';

/** The same rules for the document and for shadow roots. */
const everywhere = (css: string): HighlightRules => ({ document: css, shadowRoot: css });

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
});

function phrase(text: string): StaticRange {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: text.length });
}

describe('the CSS highlight painter', () => {
  it('registers nothing until flushed, then one highlight per category', () => {
    const painter = createCssHighlightPainter();
    const a = phrase('最后一公里');
    const b = phrase('八项规定');
    painter.add(a, 'saying');
    painter.add(b, 'numbered-formula');
    expect(CSS.highlights.size).toBe(0);
    painter.flush();
    expect(CSS.highlights.get('tifa-saying')?.has(a)).toBe(true);
    expect(CSS.highlights.get('tifa-numbered-formula')?.has(b)).toBe(true);
  });

  it('hides and shows without forgetting, removes, and clears only its own names', () => {
    const painter = createCssHighlightPainter();
    const a = phrase('最后一公里');
    const theirs = new Highlight(phrase('别人的'));
    CSS.highlights.set('page-own', theirs);
    painter.add(a, 'saying');
    painter.flush();
    painter.hide();
    expect(CSS.highlights.has('tifa-saying')).toBe(false);
    painter.show();
    expect(CSS.highlights.get('tifa-saying')?.has(a)).toBe(true);
    painter.remove(a, 'saying');
    expect(CSS.highlights.get('tifa-saying')?.size).toBe(0);
    painter.clear();
    expect([...CSS.highlights.keys()]).toEqual(['page-own']);
  });
});

describe('the rules, adopted where highlights are drawn', () => {
  it('go into the document and into each shadow root that holds a highlight, and only there', () => {
    const styles = createHighlightStyles({
      document: ':root::highlight(tifa-saying) { background-color: rgb(1, 2, 3); }',
      shadowRoot: '::highlight(tifa-saying) { background-color: rgb(1, 2, 3); }',
    });
    const painter = createCssHighlightPainter(styles);
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>影子里的最后一公里</p>';
    const other = document.createElement('div');
    document.body.append(other);
    const empty = other.attachShadow({ mode: 'open' });
    expect(document.adoptedStyleSheets).toHaveLength(0);
    const text = root.querySelector('p')!.firstChild!;
    painter.add(new StaticRange({ startContainer: text, startOffset: 4, endContainer: text, endOffset: 9 }), 'saying');
    painter.add(phrase('最后一公里'), 'saying');
    painter.flush();
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(root.adoptedStyleSheets).toHaveLength(1);
    // Each root has the rules made for it (`:root` matches nothing inside a shadow tree).
    expect(document.adoptedStyleSheets[0].cssRules[0].cssText).toMatch(/^:root::highlight/);
    expect(root.adoptedStyleSheets[0].cssRules[0].cssText).toMatch(/^::highlight/);
    expect(empty.adoptedStyleSheets).toHaveLength(0);
    painter.clear();
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(root.adoptedStyleSheets).toHaveLength(0);
  });

  it('reach every element from the root alone in Chromium, shadow trees included (highlight inheritance)', () => {
    // What the content script's `:root::highlight()` rules rely on (entrypoints/content/highlighting.ts).
    document.body.innerHTML = '<p><span><b>最后一公里</b></span></p><div id="host"></div>'; // test fixture markup
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><p><i>最后一公里</i></p></section>'; // test fixture markup
    const styles = createHighlightStyles({ document: ':root::highlight(tifa-saying) { background-color: rgb(1, 2, 3); }', shadowRoot: '' });
    styles.adoptInto(document);
    const deep = document.querySelector('b')!;
    const inShadow = shadow.querySelector('i')!;
    expect(getComputedStyle(deep, '::highlight(tifa-saying)').backgroundColor).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(inShadow, '::highlight(tifa-saying)').backgroundColor).toBe('rgb(1, 2, 3)');
    // Another highlight name is untouched.
    expect(getComputedStyle(deep, '::highlight(page-own)').backgroundColor).toBe('rgba(0, 0, 0, 0)');
    styles.release();
    expect(getComputedStyle(deep, '::highlight(tifa-saying)').backgroundColor).toBe('rgba(0, 0, 0, 0)');
  });

  it('keep the page’s own adopted sheets, in their order', () => {
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    const painter = createCssHighlightPainter(createHighlightStyles(everywhere('::highlight(tifa-saying) { color: red; }')));
    painter.add(phrase('最后一公里'), 'saying');
    painter.flush();
    expect(document.adoptedStyleSheets[0]).toBe(theirs);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    painter.clear();
    expect(document.adoptedStyleSheets).toEqual([theirs]);
    document.adoptedStyleSheets = [];
  });
});

describe('a page that clears the shared registry', () => {
  it('gets our highlights back, and keeps its own', () => {
    const painter = createCssHighlightPainter();
    const ours = phrase('最后一公里');
    painter.add(ours, 'saying');
    painter.flush();
    CSS.highlights.clear();
    const theirs = new Highlight(phrase('别人的'));
    CSS.highlights.set('page-own', theirs);
    painter.ensureRegistered?.();
    expect(CSS.highlights.get('tifa-saying')?.has(ours)).toBe(true);
    expect(CSS.highlights.get('page-own')).toBe(theirs);
  });

  it('gets our rules back when the page assigns its own adopted sheets, and keeps theirs', () => {
    const painter = createCssHighlightPainter(createHighlightStyles(everywhere('::highlight(tifa-saying) { color: red; }')));
    painter.add(phrase('最后一公里'), 'saying');
    painter.flush();
    const [ours] = document.adoptedStyleSheets;
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    painter.ensureRegistered?.();
    expect(document.adoptedStyleSheets).toEqual([theirs, ours]);
    painter.clear();
    expect(document.adoptedStyleSheets).toEqual([theirs]);
    document.adoptedStyleSheets = [];
  });
});

describe('the overlay painter (browsers without the Highlight API)', () => {
  it('draws a box over each visible phrase in the category’s colours, and nothing for a hidden category', async () => {
    const layer = document.createElement('div');
    document.documentElement.append(layer);
    const settings = {
      ...DEFAULT_HIGHLIGHT_SETTINGS,
      categories: { ...DEFAULT_HIGHLIGHT_SETTINGS.categories, idiom: { visible: false, colour: '#000000' } },
    };
    const painter = createOverlayPainter(document, layer, (category) => categoryPaint(settings, category));
    const shown = phrase('最后一公里');
    painter.add(shown, 'saying');
    painter.add(phrase('敷衍塞责'), 'idiom');
    painter.flush();
    await new Promise(requestAnimationFrame);
    expect(layer.children).toHaveLength(1);
    const box = (layer.firstElementChild as HTMLElement).getBoundingClientRect();
    const range = document.createRange();
    range.setStart(shown.startContainer, shown.startOffset);
    range.setEnd(shown.endContainer, shown.endOffset);
    const text = range.getBoundingClientRect();
    expect(Math.round(box.left)).toBe(Math.round(text.left));
    expect(Math.round(box.width)).toBe(Math.round(text.width));
    expect((layer.firstElementChild as HTMLElement).style.background).toContain('rgba(230, 200, 0, 0.28)');
    painter.clear();
    expect(layer.children).toHaveLength(0);
    layer.remove();
  });
});

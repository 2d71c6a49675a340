import { beforeEach, describe, expect, it } from 'vitest';
import { caretFromPoint, phraseAtPoint, pointInRects, rectsOf } from './hit-test';

beforeEach(() => {
  document.body.replaceChildren();
});

function paragraph(html: string): HTMLElement {
  const p = document.createElement('p');
  p.style.cssText = 'font: 20px/1.5 sans-serif; margin: 20px; width: 400px';
  p.innerHTML = html; // test fixture markup
  document.body.append(p);
  return p;
}

describe('caret hit-testing in a real engine', () => {
  it('finds the text node and offset under a point', () => {
    const p = paragraph('甲乙丙丁戊');
    const text = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 3);
    const box = range.getBoundingClientRect();
    const caret = caretFromPoint(document, box.left + box.width / 4, box.top + box.height / 2);
    expect(caret?.node).toBe(text);
    expect(caret?.offset).toBe(2);
  });

  it('looks into open shadow roots it is given', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p style="font: 20px sans-serif">影子里的字</p>';
    const text = root.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 1);
    range.setEnd(text, 2);
    const box = range.getBoundingClientRect();
    expect(caretFromPoint(document, box.left + 2, box.top + box.height / 2, [root])?.node).toBe(text);
  });

  it('reports a phrase only where the point lies on its text, not past the end of its line', () => {
    const p = paragraph('前面<b>最后</b>一公里后面');
    const first = p.querySelector('b')!.firstChild as Text;
    const last = p.lastChild as Text;
    const range = new StaticRange({ startContainer: first, startOffset: 0, endContainer: last, endOffset: 3 });
    const match = { id: 'x', range };
    const phrases = {
      matchAt: (node: Node, offset: number) => (node === first || (node === last && offset < 3) ? match : undefined),
      shadowRoots: () => [],
    };
    const [rect] = rectsOf(document, range);
    expect(phraseAtPoint(document, rect.left + 3, rect.top + rect.height / 2, phrases)?.match).toBe(match);
    // Far to the right of the line: a caret is still returned, but the point is on no text.
    expect(phraseAtPoint(document, 1000, rect.top + rect.height / 2, phrases)).toBeUndefined();
  });

  it('gives no rects for a range whose text is gone', () => {
    const p = paragraph('最后一公里');
    const range = new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 5 });
    expect(rectsOf(document, range)).toHaveLength(1);
    (p.firstChild as Text).data = '短';
    expect(rectsOf(document, range)).toEqual([]);
    expect(pointInRects([new DOMRect(0, 0, 10, 10)], 12, 5)).toBe(false);
    expect(pointInRects([new DOMRect(0, 0, 10, 10)], 10.5, 5)).toBe(true);
  });
});

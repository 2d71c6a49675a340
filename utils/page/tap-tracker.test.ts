import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOnInteractive, trackTaps } from './tap-tracker';

/** Touch pointer events as a phone's screen sends them. */
const touch = (target: EventTarget, type: string, x: number, y: number, pointerId = 1) =>
  target.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', pointerId, clientX: x, clientY: y, bubbles: true, composed: true }));

let controller: AbortController;
let shown: string | undefined;
let enabled: boolean;
const show = vi.fn((match: string) => (shown = match));
const hide = vi.fn(() => (shown = undefined));
const prepare = vi.fn();

beforeEach(() => {
  document.body.innerHTML = `<p id="text">八项规定</p><a id="link" href="#x"><span id="in-link">八项规定</span></a><div id="card"></div>`;
  controller = new AbortController();
  shown = undefined;
  enabled = true;
  show.mockClear();
  hide.mockClear();
  prepare.mockClear();
  trackTaps<string>({
    document,
    signal: controller.signal,
    enabled: () => enabled,
    // The phrase is under x < 100 on any element; to the right there is none.
    find: (x) => (x < 100 ? { match: 'baxiang-guiding', rect: new DOMRect(0, 0, 100, 20) } : undefined),
    isOverCard: (event) => event.composedPath().includes(document.getElementById('card')!),
    shown: () => shown,
    show,
    hide,
    prepare,
  });
});
afterEach(() => controller.abort());

const tap = (id: string, x = 10, y = 10) => {
  const target = document.getElementById(id)!;
  touch(target, 'pointerdown', x, y);
  touch(target, 'pointerup', x, y);
};

describe('a tap', () => {
  it('on a phrase opens its card; beside it, closes the card', () => {
    tap('text');
    expect(show).toHaveBeenCalledWith('baxiang-guiding');
    tap('text', 200);
    expect(hide).toHaveBeenCalledOnce();
  });

  it('gets the card ready as the finger lands on a phrase, not on a link', () => {
    touch(document.getElementById('text')!, 'pointerdown', 10, 10);
    expect(prepare).toHaveBeenCalledWith('baxiang-guiding');
    touch(document.getElementById('text')!, 'pointercancel', 10, 10);
    touch(document.getElementById('in-link')!, 'pointerdown', 10, 10);
    expect(prepare).toHaveBeenCalledOnce();
  });

  it('on a link does what the link does: no card, and an open one closes', () => {
    tap('in-link');
    expect(show).not.toHaveBeenCalled();
    shown = 'baxiang-guiding';
    tap('in-link');
    expect(hide).toHaveBeenCalledOnce();
  });

  it('on the card is the card’s own (its buttons)', () => {
    shown = 'baxiang-guiding';
    tap('card', 200);
    expect(hide).not.toHaveBeenCalled();
  });

  it('opens nothing when tap lookup is off', () => {
    enabled = false;
    tap('text');
    expect(show).not.toHaveBeenCalled();
  });
});

describe('what is not a tap', () => {
  it('a finger that moves past the slop (a swipe) opens nothing, and closes an open card', () => {
    shown = 'other';
    const text = document.getElementById('text')!;
    touch(text, 'pointerdown', 10, 10);
    touch(text, 'pointermove', 10, 40);
    touch(text, 'pointerup', 10, 40);
    expect(show).not.toHaveBeenCalled();
    expect(hide).toHaveBeenCalledOnce();
  });

  it('a touch the browser takes over to scroll (pointercancel) opens nothing', () => {
    const text = document.getElementById('text')!;
    touch(text, 'pointerdown', 10, 10);
    touch(text, 'pointercancel', 10, 10);
    touch(text, 'pointerup', 10, 10);
    expect(show).not.toHaveBeenCalled();
  });

  it('a second finger (a pinch) opens nothing', () => {
    const text = document.getElementById('text')!;
    touch(text, 'pointerdown', 10, 10, 1);
    touch(text, 'pointerdown', 60, 10, 2);
    touch(text, 'pointerup', 60, 10, 2);
    touch(text, 'pointerup', 10, 10, 1);
    expect(show).not.toHaveBeenCalled();
  });

  it('a long press opens nothing', async () => {
    const text = document.getElementById('text')!;
    touch(text, 'pointerdown', 10, 10);
    await new Promise((resolve) => setTimeout(resolve, 450));
    touch(text, 'pointerup', 10, 10);
    expect(show).not.toHaveBeenCalled();
  });

  it('a mouse click is hover’s business, not a tap', () => {
    const text = document.getElementById('text')!;
    text.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', clientX: 10, clientY: 10, bubbles: true }));
    text.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'mouse', clientX: 10, clientY: 10, bubbles: true }));
    expect(show).not.toHaveBeenCalled();
  });
});

describe('isOnInteractive', () => {
  it('knows links, controls, fields and editable text, through shadow roots, and not plain text', () => {
    document.body.innerHTML = `<p id="plain">文字</p><div contenteditable="true"><b id="edit">编辑</b></div>
      <div role="button"><i id="role">按钮</i></div><label><span id="label">标签</span></label><div id="host"></div>`;
    const host = document.getElementById('host')!;
    const inner = host.attachShadow({ mode: 'open' });
    inner.innerHTML = '<button><span id="deep">深处</span></button>';
    const at = (element: Element) => {
      let result = false;
      element.addEventListener('pointerup', (event) => (result = isOnInteractive(event)), { once: true });
      element.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
      return result;
    };
    expect(at(document.getElementById('plain')!)).toBe(false);
    for (const id of ['edit', 'role', 'label']) expect(at(document.getElementById(id)!), id).toBe(true);
    expect(at(inner.getElementById('deep')!)).toBe(true);
  });
});

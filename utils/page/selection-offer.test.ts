import { describe, expect, it, vi } from 'vitest';
import { firstMatchIn, offerSelectedPhrases } from './selection-offer';

/** A paragraph with phrases at known offsets, and a range over [from, to) of its text. */
function setUp(text: string) {
  document.body.innerHTML = `<p>${text}</p>`;
  const node = document.body.firstElementChild!.firstChild as Text;
  const range = (from: number, to: number) => {
    const r = document.createRange();
    r.setStart(node, from);
    r.setEnd(node, to);
    return r;
  };
  const match = (id: string, start: number, end: number) => ({ id, range: range(start, end) });
  return { match, range };
}

describe('firstMatchIn', () => {
  const { match, range } = setUp('落实八项规定精神，打通最后一公里。');
  const matches = [match('baxiang-guiding', 2, 6), match('zuihou-yigongli', 11, 16)];

  it('finds the phrase a selection covers, holds or is held by', () => {
    expect(firstMatchIn(range(0, 9), matches)?.id).toBe('baxiang-guiding');
    expect(firstMatchIn(range(3, 5), matches)?.id).toBe('baxiang-guiding');
    expect(firstMatchIn(range(12, 17), matches)?.id).toBe('zuihou-yigongli');
  });

  it('takes the first of several, in document order', () => {
    expect(firstMatchIn(range(0, 17), matches)?.id).toBe('baxiang-guiding');
  });

  it('finds none where the selection only touches a phrase’s edge, or misses every phrase', () => {
    expect(firstMatchIn(range(6, 11), matches)).toBeUndefined();
    expect(firstMatchIn(range(0, 2), matches)).toBeUndefined();
  });
});

describe('offerSelectedPhrases', () => {
  const pointer = (pointerType: string) => document.dispatchEvent(new PointerEvent('pointerdown', { pointerType, bubbles: true }));
  const select = (from: number, to: number) => {
    const node = document.body.firstElementChild!.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
  };

  it('offers the phrase a touch selection covers once the handles rest, withdraws it when the selection goes, and ignores a mouse', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>落实八项规定精神</p>';
    const offer = vi.fn();
    const withdraw = vi.fn();
    const controller = new AbortController();
    offerSelectedPhrases<string>({
      document,
      signal: controller.signal,
      enabled: () => true,
      find: (range) => (range.toString().includes('八项') ? 'baxiang-guiding' : undefined),
      offer,
      withdraw,
    });
    pointer('mouse');
    select(2, 6);
    vi.advanceTimersByTime(1000);
    expect(offer).not.toHaveBeenCalled();

    pointer('touch');
    select(2, 6);
    expect(offer).not.toHaveBeenCalled(); // not while the handles may still move
    vi.advanceTimersByTime(300);
    expect(offer).toHaveBeenCalledWith('baxiang-guiding', expect.anything());
    document.getSelection()!.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    vi.advanceTimersByTime(300);
    expect(withdraw).toHaveBeenCalledOnce();
    controller.abort();
    vi.useRealTimers();
  });
});

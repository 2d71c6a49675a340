import { describe, expect, it, vi } from 'vitest';
import { createHandoff, receiveHandoff, wakesContentScript } from './content-handoff';

describe('the handoff from the first content script', () => {
  it('starts the content script for what the reader asks of the top frame, and in another frame only to convert its selection', () => {
    for (const type of ['page-summary', 'page-report', 'get-article', 'get-script', 'set-script', 'toggle-script', 'convert-selection']) {
      expect(wakesContentScript(type, true)).toBe(true);
    }
    // Highlights to go to: a frame that has shown no Chinese has none, and stays silent.
    expect(wakesContentScript('navigate', true)).toBe(false);
    expect(wakesContentScript('scroll-to', true)).toBe(false);
    expect(wakesContentScript('convert-selection', false)).toBe(true);
    for (const type of ['page-summary', 'set-script', 'toggle-script', 'navigate']) expect(wakesContentScript(type, false)).toBe(false);
    // Another context's traffic, or anything malformed.
    for (const type of ['get-entry', 'offscreen-convert', undefined, 42, {}]) expect(wakesContentScript(type, true)).toBe(false);
  });

  it('is found by the content script, and hands over the answering of messages once', async () => {
    const stepAside = vi.fn();
    const handoff = createHandoff(stepAside);
    expect(receiveHandoff()).toBe(handoff);
    const answer = vi.fn(() => 'reply');
    handoff.nowAnswering(answer);
    expect(stepAside).toHaveBeenCalledTimes(1);
    expect(await handoff.answering).toBe(answer);
  });
});

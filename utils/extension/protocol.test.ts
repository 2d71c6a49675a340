import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, parseMessage, ProtocolError, sendToBackground } from './protocol';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseMessage', () => {
  it('accepts the messages of the protocol, dropping unknown fields', () => {
    expect(parseMessage({ type: 'page-summary' })).toEqual({ type: 'page-summary' });
    expect(parseMessage({ type: 'navigate', direction: 'previous' })).toEqual({ type: 'navigate', direction: 'previous' });
    expect(parseMessage({ type: 'get-entry', id: 'zuihou-yigongli', extra: 1 })).toEqual({ type: 'get-entry', id: 'zuihou-yigongli' });
    expect(parseMessage({ type: 'open-essay', essay: 1, paragraph: 5, offset: 0 })).toEqual({
      type: 'open-essay',
      essay: 1,
      paragraph: 5,
      offset: 0,
    });
    expect(parseMessage({ type: 'convert-text', target: 'tw', blocks: { text: 'ab', lengths: [1, 1], sizes: [2] } })).toMatchObject({
      target: 'tw',
    });
  });

  it('rejects anything else', () => {
    for (const bad of [
      null,
      'page-summary',
      {},
      { type: 'navigate', direction: 'up' },
      { type: 'get-entry', id: '<img>' },
      { type: 'open-essay', essay: -1, paragraph: 1, offset: 0 },
      { type: 'convert-text', target: 'tw', blocks: { text: 'abc', lengths: [1, 1], sizes: [2] } },
      { type: 'eval' },
    ]) {
      expect(parseMessage(bad)).toBeUndefined();
    }
  });
});

describe('sending and answering', () => {
  it('delivers a typed request and checks the reply', async () => {
    onMessage({ 'get-script': () => ({ choice: 'tw' }) });
    await expect(sendToBackground({ type: 'get-script' })).resolves.toEqual({ choice: 'tw' });
  });

  it('answers asynchronously when the handler returns a promise', async () => {
    onMessage({ 'toggle-script': async () => ({ ok: true }) });
    await expect(sendToBackground({ type: 'toggle-script' })).resolves.toEqual({ ok: true });
  });

  it('rejects a reply that does not fit the protocol', async () => {
    onMessage({ 'get-script': () => ({ choice: 'klingon' }) as never });
    const error = await sendToBackground({ type: 'get-script' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).reason).toBe('bad-reply');
  });

  it('passes over types it does not handle, so that another context answers', async () => {
    onMessage({ 'get-script': () => ({ choice: 'cn' }) });
    onMessage({ 'page-summary': () => ({ url: 'x', hasChinese: false, enabled: true, phrases: [], total: 0, generation: 0 }) });
    await expect(sendToBackground({ type: 'get-script' })).resolves.toEqual({ choice: 'cn' });
  });
});

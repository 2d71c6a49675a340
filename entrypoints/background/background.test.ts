/**
 * The background where an API is missing. Firefox for Android has no context menus and no keyboard
 * commands: the background must start there all the same and answer the pages (the card's entries
 * above all). Where the APIs exist, the menus are made on install.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TARGETS } from '@/utils/core/convert';
import { sendToBackground } from '@/utils/extension/protocol';
import background from './index';

const ANDROID_LACKS = ['contextMenus', 'menus', 'commands'] as const;

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the background', () => {
  it('starts without context menus or commands (Firefox for Android) and still answers the card', async () => {
    const browser = fakeBrowser as unknown as Record<string, unknown>;
    const saved = Object.fromEntries(ANDROID_LACKS.map((api) => [api, browser[api]]));
    for (const api of ANDROID_LACKS) delete browser[api];
    try {
      expect(() => background.main()).not.toThrow();
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
      const entry = await sendToBackground({ type: 'get-entry', id: 'baxiang-guiding' });
      expect(entry?.simplified).toBe('八项规定');
    } finally {
      Object.assign(browser, saved);
    }
  });

  it('makes its context menus on install where the browser has them: look up, and convert to each script', async () => {
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => 0);
    // The fake browser implements none of these; the message a menu sends is tested end to end
    // (e2e/convert.test.ts).
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2 + TARGETS.length));
    expect(create.mock.calls.map(([menu]) => menu.id)).toEqual([
      'lookup',
      'convert-selection',
      ...TARGETS.map((t) => `convert-selection:${t}`),
    ]);
  });
});

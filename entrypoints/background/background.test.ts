/**
 * The background where an API is missing. Firefox for Android has no context menus and no keyboard
 * commands: the background must start there all the same and answer the pages (the card's entries
 * above all). Where the APIs exist, the menus are made on install.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TARGETS } from '@/utils/core/convert';
import { sendToBackground } from '@/utils/extension/protocol';
import background from './index';

const ANDROID_LACKS = ['contextMenus', 'menus', 'commands'] as const;

// The fake browser implements neither permissions nor declarativeNetRequest; the PDF redirects the
// background installs at start are tested in utils/extension/pdf-auto-open.test.ts and end to end.
beforeEach(() => {
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'getDynamicRules').mockResolvedValue([]);
});

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

  it('makes its context menus on install where the browser has them: look up, convert to each script, open a linked PDF', async () => {
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => 0);
    // The fake browser implements none of these; the message a menu sends is tested end to end
    // (e2e/convert.test.ts).
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(3 + TARGETS.length));
    expect(create.mock.calls.map(([menu]) => menu.id)).toEqual([
      'lookup',
      'convert-selection',
      ...TARGETS.map((t) => `convert-selection:${t}`),
      'open-pdf',
    ]);
    const pdfMenu = create.mock.calls.at(-1)![0];
    expect(pdfMenu).toMatchObject({ title: 'Open this PDF in Tifa Lens', contexts: ['link'] });
    // Offered on links whose path ends in .pdf, with a query or without.
    const offered = (link: string) =>
      pdfMenu.targetUrlPatterns!.some((pattern) => new RegExp(`^${pattern.replace(/[.?]/g, '\\$&').replaceAll('*', '.*')}$`).test(link));
    expect(offered('https://www.gov.cn/zhengce/a.pdf')).toBe(true);
    expect(offered('https://www.gov.cn/zhengce/A.PDF?id=3')).toBe(true);
    expect(offered('https://www.gov.cn/zhengce/a.html')).toBe(false);
  });

  it('opens a linked PDF in the viewer, in a new tab beside the page', async () => {
    let onClicked: Parameters<typeof fakeBrowser.contextMenus.onClicked.addListener>[0] | undefined;
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => 0);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => {
      onClicked = listener;
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    background.main();
    const link = 'https://www.gov.cn/zhengce/a.pdf?id=3&lang=zh';
    const page = { id: 4, index: 2 } as Parameters<NonNullable<typeof onClicked>>[1];
    onClicked!({ menuItemId: 'open-pdf', linkUrl: link, editable: false, pageUrl: 'https://www.gov.cn/', modifiers: [] }, page);
    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
    const opened = create.mock.calls[0][0];
    expect(opened).toMatchObject({ index: 3, openerTabId: 4 });
    const url = new URL(opened.url!);
    expect(url.pathname).toBe('/pdf.html');
    expect(new URLSearchParams(url.search).get('file')).toBe(link);
  });
});

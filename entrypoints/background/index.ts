/**
 * The background: answers the content scripts (entries for the card, conversions, articles),
 * routes the keyboard commands to the active tab, owns the context menus, and installs the
 * redirects that open PDFs in the viewer on the sites a reader chose
 * (utils/extension/pdf-auto-open.ts). The heavy work (opencc-js, Readability) happens in the
 * offscreen document on Chrome, and in this background page itself on Firefox, which has no
 * offscreen documents.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Article } from '@/utils/core/article-model';
import { TARGET_LABELS, TARGETS, type PackedBlocks, type Target } from '@/utils/core/convert';
import { essayPath, glossaryPath, pdfViewerPath } from '@/utils/core/links';
import { cardEntry } from '@/utils/core/card-entry';
import { translator } from '@/utils/core/messages';
import { logOnce } from '@/utils/core/log';
import { isOwnId, ownPhraseAsEntry } from '@/utils/core/own-phrases';
import { interfaceLanguage, ownPhrases, uiLanguage } from '@/utils/extension/settings';
import { onMessage, sendToBackground, sendToTab, type Message, type Reply } from '@/utils/extension/protocol';
import { glossaryEntries } from '@/utils/extension/generated/glossary';
import { startPdfAutoOpen } from '@/utils/extension/pdf-auto-open';

export default defineBackground(() => {
  const entries = glossaryEntries;

  onMessage({
    'get-entry': async ({ id }) => {
      // A reader's own phrase is read from storage each time: the options may have changed it.
      if (isOwnId(id)) {
        const own = (await ownPhrases.read()).find((p) => p.id === id);
        return own ? cardEntry(ownPhraseAsEntry(own)) : null;
      }
      const entry = entries.get(id);
      return entry ? cardEntry(entry) : null;
    },
    'open-essay': async ({ essay, paragraph, offset }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(essayPath({ essay, paragraph, start: offset })) });
      return { ok: true };
    },
    'open-glossary': async ({ id }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(glossaryPath({ id })) });
      return { ok: true };
    },
    'convert-text': ({ target, blocks }) => convertText(target, blocks),
    'find-article': async ({ html }) => ({ article: await findArticleFor(html) }),
  });

  // Keyboard commands go to the active tab's content scripts.
  browser.commands?.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: Message | undefined =
      command === 'next-phrase'
        ? { type: 'navigate', direction: 'next' }
        : command === 'previous-phrase'
          ? { type: 'navigate', direction: 'previous' }
          : command === 'toggle-script'
            ? { type: 'toggle-script' }
            : undefined;
    // A tab without a content script (a browser page) or without phrases has nothing to do.
    if (message) await sendToTab(tab.id, message).catch(() => undefined);
  });

  // Context menus: look the selection up; convert the selected text in place; open a linked PDF in
  // the viewer. Their titles speak the interface language and follow it when it changes. Firefox
  // for Android has no context menus: there, text selected by touch offers the card
  // (utils/page/selection-offer.ts), the popup's Convert tab converts pasted text, and the popup
  // offers the viewer on a tab showing a PDF.
  if (browser.contextMenus) addContextMenus();

  void startPdfAutoOpen();
});

/**
 * The links the PDF menu is offered on: an address whose path ends in .pdf, with or without a query
 * (a match pattern's path takes the query in). A PDF behind another address is opened from the
 * viewer's page or by the sites' automatic opening instead.
 */
const PDF_LINK_PATTERNS = ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.PDF?*'];

function addContextMenus(): void {
  const menuTitles = async () => {
    const t = translator(interfaceLanguage(await uiLanguage.read()));
    return { lookup: t('lookUpMenu'), 'convert-selection': t('convertSelectionMenu'), 'open-pdf': t('pdfContextMenu') };
  };
  uiLanguage.watch(async () => {
    for (const [id, title] of Object.entries(await menuTitles())) {
      await browser.contextMenus.update(id, { title }).catch((error: unknown) => logOnce('context menu', 'could not retitle it', error));
    }
  });
  browser.runtime.onInstalled.addListener(async () => {
    const titles = await menuTitles();
    browser.contextMenus.create({ id: 'lookup', title: titles.lookup, contexts: ['selection'] });
    browser.contextMenus.create({ id: 'convert-selection', title: titles['convert-selection'], contexts: ['selection'] });
    for (const target of TARGETS) {
      browser.contextMenus.create({
        id: `convert-selection:${target}`,
        parentId: 'convert-selection',
        title: `${TARGET_LABELS[target].zh} (${TARGET_LABELS[target].en})`,
        contexts: ['selection'],
      });
    }
    browser.contextMenus.create({ id: 'open-pdf', title: titles['open-pdf'], contexts: ['link'], targetUrlPatterns: PDF_LINK_PATTERNS });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'lookup') {
      const query = (info.selectionText ?? '').slice(0, 200);
      void browser.tabs.create({ url: browser.runtime.getURL(glossaryPath({ query })) });
      return;
    }
    if (info.menuItemId === 'open-pdf') {
      if (!info.linkUrl) return;
      void browser.tabs
        .create({
          url: browser.runtime.getURL(pdfViewerPath(info.linkUrl)),
          // Beside the page the link was on, as the browser's own "open link in new tab" places it.
          ...(tab?.index !== undefined && { index: tab.index + 1 }),
          ...(tab?.id !== undefined && { openerTabId: tab.id }),
        })
        .catch((error: unknown) => logOnce('context menu', 'could not open the PDF viewer', error));
      return;
    }
    const [kind, target] = String(info.menuItemId).split(':');
    if (kind !== 'convert-selection' || !(TARGETS as readonly string[]).includes(target) || tab?.id === undefined) return;
    void sendToTab(tab.id, { type: 'convert-selection', target: target as Target }, { frameId: info.frameId ?? 0 }).catch(
      (error: unknown) => logOnce('context menu', 'the page could not convert the selection', error),
    );
  });
}

/**
 * Conversion runs in the offscreen document (Chrome): opencc-js is loaded there on the first
 * request, off every web page's main thread, and this worker never holds its dictionaries.
 * Where there is no offscreen API (Firefox), the background page converts itself.
 */
async function convertText(target: Target, blocks: PackedBlocks): Promise<Reply<'convert-text'>> {
  try {
    if (import.meta.env.FIREFOX) {
      const { convertBlocks } = await import('../offscreen/opencc-converters');
      return { ok: true, blocks: await convertBlocks(target, blocks) };
    }
    await ensureOffscreen();
    return await sendToBackground({ type: 'offscreen-convert', target, blocks });
  } catch (error) {
    return { ok: false, error: String((error as Error)?.message ?? error) };
  }
}

/** Readability runs where there is a DOM parser and never in the page: the offscreen document. */
async function findArticleFor(html: string): Promise<Article | null> {
  if (import.meta.env.FIREFOX) {
    const { findArticleInHtml } = await import('../offscreen/article-service');
    return findArticleInHtml(html);
  }
  await ensureOffscreen();
  return (await sendToBackground({ type: 'offscreen-article', html })).article;
}

let offscreenReady: Promise<void> | undefined;
function ensureOffscreen(): Promise<void> {
  offscreenReady ??= (async () => {
    const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (existing.length > 0) return;
    await browser.offscreen.createDocument({
      url: 'offscreen.html',
      reasons: ['WORKERS', 'DOM_PARSER'],
      justification:
        'Converts page text between Simplified and Traditional Chinese with opencc-js, and finds the article in a copy of a page with Readability, off the page’s main thread.',
    });
  })().catch((error: unknown) => {
    offscreenReady = undefined; // try again on the next request
    throw error;
  });
  return offscreenReady;
}

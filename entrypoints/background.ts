import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import glossary from '@/generated/glossary.json';
import type { CompiledEntry, CompiledGlossary } from '@/utils/core/compiled-data';
import { essayAnchor, isConvertReply, receiveMessage, type CardEntry, type ReplyTo } from '@/utils/extension/messages';
import { TARGET_LABELS, TARGETS, type PackedBlocks, type Target } from '@/utils/core/convert';
import type { Article } from '@/utils/page/article';

/** How many essay occurrences a card shows. */
const CARD_OCCURRENCES = 3;

export default defineBackground(() => {
  const entries = new Map<string, CompiledEntry>((glossary as CompiledGlossary).entries.map((e) => [e.id, e]));

  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const message = receiveMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'get-entry': {
        const entry = entries.get(message.id);
        const reply: CardEntry | null = entry
          ? { ...entry, occurrences: entry.occurrences.slice(0, CARD_OCCURRENCES), occurrenceCount: entry.occurrences.length }
          : null;
        sendResponse(reply);
        return;
      }
      case 'open-essay': {
        const url = browser.runtime.getURL(`/essays.html#${essayAnchor(message.essay, message.paragraph, message.offset)}`);
        void browser.tabs.create({ url }).then(() => sendResponse({ ok: true }));
        return true; // replies asynchronously
      }
      case 'convert-text':
        void convertText(message.target, message.blocks).then(sendResponse);
        return true;
      case 'find-article':
        void findArticleFor(message.html).then((article) => sendResponse({ article }));
        return true;
      default:
        return;
    }
  });

  // Keyboard commands go to the active tab's content scripts.
  browser.commands?.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message =
      command === 'next-phrase' ? { type: 'navigate', direction: 'next' } :
      command === 'previous-phrase' ? { type: 'navigate', direction: 'previous' } :
      command === 'toggle-script' ? { type: 'toggle-script' } : undefined;
    if (message) await browser.tabs.sendMessage(tab.id, message).catch(() => {});
  });

  // Context menus: look the selection up; convert the selected text in place.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'lookup', title: (browser.i18n.getMessage as (key: string) => string)('lookUpMenu') || 'Look up in Tifa Lens', contexts: ['selection'] });
    browser.contextMenus.create({ id: 'convert-selection', title: 'Tifa Lens: convert the selection to…', contexts: ['selection'] });
    for (const target of TARGETS) {
      browser.contextMenus.create({
        id: `convert-selection:${target}`,
        parentId: 'convert-selection',
        title: `${TARGET_LABELS[target].zh} (${TARGET_LABELS[target].en})`,
        contexts: ['selection'],
      });
    }
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'lookup') {
      const query = (info.selectionText ?? '').slice(0, 200);
      void browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html?q=${encodeURIComponent(query)}`) });
      return;
    }
    const [kind, target] = String(info.menuItemId).split(':');
    if (kind !== 'convert-selection' || !target || tab?.id === undefined) return;
    void browser.tabs
      .sendMessage(tab.id, { type: 'convert-selection', target }, { frameId: info.frameId ?? 0 })
      .catch(() => {});
  });
});

/**
 * Conversion runs in the offscreen document (Chrome): opencc-js is loaded there on the first
 * request, off every web page's main thread, and this worker never holds its dictionaries.
 * Where there is no offscreen API (Firefox), the background page converts itself.
 */
async function convertText(target: Target, blocks: PackedBlocks): Promise<ReplyTo<'convert-text'>> {
  try {
    if (import.meta.env.FIREFOX) {
      const { convertBlocks } = await import('@/entrypoints/offscreen/opencc-converters');
      return { ok: true, blocks: await convertBlocks(target, blocks) };
    }
    await ensureOffscreen();
    const reply: unknown = await browser.runtime.sendMessage({ type: 'offscreen-convert', target, blocks });
    return isConvertReply(reply) ? reply : { ok: false, error: 'the converter gave no answer' };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/** Readability runs where there is a DOM parser and never in the page: the offscreen document. */
async function findArticleFor(html: string): Promise<Article | null> {
  try {
    if (import.meta.env.FIREFOX) {
      const { findArticleInHtml } = await import('@/entrypoints/offscreen/article-service');
      return findArticleInHtml(html);
    }
    await ensureOffscreen();
    const reply = (await browser.runtime.sendMessage({ type: 'offscreen-article', html })) as { article?: Article | null } | undefined;
    return reply?.article ?? null;
  } catch {
    return null;
  }
}

let offscreenReady: Promise<void> | undefined;
function ensureOffscreen(): Promise<void> {
  offscreenReady ??= (async () => {
    const offscreen = (browser as any).offscreen;
    const existing = await (browser.runtime as any).getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (existing?.length) return;
    await offscreen.createDocument({
      url: 'offscreen.html',
      reasons: ['WORKERS', 'DOM_PARSER'],
      justification: 'Converts page text between Simplified and Traditional Chinese with opencc-js, and finds the article in a copy of a page with Readability, off the page’s main thread.',
    });
  })().catch((error) => {
    offscreenReady = undefined;
    throw error;
  });
  return offscreenReady;
}

import glossary from '@/generated/glossary.json';
import type { CompiledEntry, CompiledGlossary } from '@/utils/compiled-data';
import { essayAnchor, receiveMessage, type CardEntry } from '@/utils/messages';

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
      default:
        return;
    }
  });

  // Keyboard commands go to the active tab's content script (all frames listen; the one with
  // highlights answers).
  browser.commands?.onCommand.addListener(async (command) => {
    const direction = command === 'next-phrase' ? 'next' : command === 'previous-phrase' ? 'previous' : undefined;
    if (!direction) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'navigate', direction }).catch(() => {});
  });
});

/**
 * What the popup's view tests share: a view rendered as the popup renders it (English strings, the
 * target tab found from `?tabId=`), and a tab whose content script answers as the test says.
 */
import type { ComponentChildren } from 'preact';
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LanguageProvider } from '@/components/Language';
import { ALL_MESSAGES } from '@/utils/core/messages';
import type { Message, PageReport, PageSummary } from '@/utils/extension/protocol';
import { TargetTabProvider } from './target-tab';

export const TAB_ID = 7;

export function renderInPopup(view: ComponentChildren, search = `?tabId=${TAB_ID}`) {
  return render(
    <LanguageProvider language="en" messages={ALL_MESSAGES}>
      <TargetTabProvider search={search}>{view}</TargetTabProvider>
    </LanguageProvider>,
  );
}

/**
 * The tab's content script: `answer` gets each message sent to the tab and returns the reply (or
 * throws, as when no content script is there). The fake browser has no tabs.sendMessage of its own.
 */
export function pageAnswers(answer: (message: Message, tabId: number) => unknown) {
  const sent = vi.fn(async (tabId: number, message: Message) => answer(message, tabId));
  fakeBrowser.tabs.sendMessage = sent as unknown as typeof fakeBrowser.tabs.sendMessage;
  return sent;
}

export function summaryOf(fields: Partial<PageSummary> = {}): PageSummary {
  return {
    url: 'https://news.example.cn/a.html',
    hasChinese: true,
    enabled: true,
    phrases: [
      { id: 'baxiang-guiding', count: 2, first: 0 },
      { id: 'zuihou-yigongli', count: 1, first: 1 },
    ],
    total: 3,
    generation: 0,
    ...fields,
  };
}

export const REPORT: PageReport = {
  url: 'https://news.example.cn/a.html',
  hasChinese: true,
  source: 'article',
  title: '基层治理的最后一公里',
  byline: '记者 王五',
  siteName: null,
  publishedTime: null,
  length: 1200,
  distinct: 1,
  occurrences: 2,
  density: 1.7,
  byCategory: { saying: 2 } as PageReport['byCategory'],
  phrases: [{ id: 'zuihou-yigongli', count: 2, first: 0 }],
};

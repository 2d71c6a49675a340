/**
 * Article-aware reading in real Chromium: the page report, article scope, the reader view with its
 * exports and paste box — on a page whose furniture (navigation, sidebar, comments, footer) carries
 * glossary phrases of its own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { allHighlighted, launchWithExtension, waitForHighlights, type ExtensionBrowser } from './browser';
import { ARTICLE_PHRASES, FURNITURE_PAGE, FURNITURE_PHRASES } from '../test-support/furniture-page';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/article.html', FURNITURE_PAGE);
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

async function popupFor(page: Page) {
  const tabId = await browser.tabIdOf(page);
  return { popup: await browser.extensionPage(`popup.html?tabId=${tabId}`), tabId };
}

describe('article-aware reading', () => {
  it('reports the article’s metadata and phrases, not the furniture’s', async () => {
    const page = await browser.open('/article.html');
    await waitForHighlights(page, 8);
    const { popup } = await popupFor(page);
    await popup.getByText('Page report').click();
    const report = popup.locator('.report');
    await expect.poll(() => report.locator('.source').textContent()).toBe('Article');
    expect(await report.locator('.title').textContent()).toContain('打通服务群众最后一公里');
    expect(await report.textContent()).toContain('示例记者');
    const phrases = await report.locator('.report-phrases li').allTextContents();
    for (const phrase of ARTICLE_PHRASES) expect(phrases.some((p) => p.includes(phrase))).toBe(true);
    for (const phrase of FURNITURE_PHRASES) expect(phrases.some((p) => p.includes(phrase))).toBe(false);
    expect(await report.locator('.figures').textContent()).toMatch(/per 1,000 characters/);
    expect(await report.locator('.chart li').count()).toBeGreaterThanOrEqual(2);
    await popup.close();
    await page.close();
  });

  it('highlights only the article when the site’s scope is the article', async () => {
    const page = await browser.open('/article.html');
    await waitForHighlights(page, 8);
    expect(await allHighlighted(page)).toEqual(expect.arrayContaining(['三严三实']));
    const { popup } = await popupFor(page);
    await popup.getByLabel('The article only').check();
    await expect
      .poll(async () => {
        const now = await allHighlighted(page);
        return !now.includes('三严三实') && now.includes('民主集中制');
      })
      .toBe(true);
    const shown = await allHighlighted(page);
    expect(shown).toEqual(expect.arrayContaining(['民主集中制', '八项规定']));
    for (const phrase of FURNITURE_PHRASES) expect(shown.some((s) => s.includes(phrase))).toBe(false);
    await popup.getByLabel('The whole page').check();
    await expect.poll(async () => (await allHighlighted(page)).includes('三严三实')).toBe(true);
    await popup.close();
    await page.close();
  });

  it('shows the article alone in the reader view, highlighted, with exports and a paste box', async () => {
    const page = await browser.open('/article.html');
    const tabId = await browser.tabIdOf(page);
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?tabId=${tabId}`);
    await reader.locator('main.article p').first().waitFor();
    const text = await reader.locator('main.article').textContent();
    expect(text).toContain('上有政策、下有对策');
    expect(text).not.toContain('网友评论');
    expect(text).not.toContain('关于我们');
    await waitForHighlights(reader, 8);
    const side = await reader.locator('.side-phrases li').allTextContents();
    for (const phrase of FURNITURE_PHRASES) expect(side.some((p) => p.includes(phrase))).toBe(false);
    expect(side.some((p) => p.includes('民主集中制'))).toBe(true);

    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name: 'MD' }).click()]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# 基层治理观察/);
    expect(markdown).toMatch(/\[\^1\]: \*\*/);
    const [csvDownload] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name: 'CSV' }).click()]);
    expect(readFileSync((await csvDownload.path())!, 'utf8').split('\r\n')[0]).toMatch(/^\uFEFF?id,text,start,end/);

    // Script conversion in the reader.
    await reader.getByRole('button', { name: /^繁體/ }).click();
    await expect.poll(() => reader.locator('main.article').textContent()).toContain('上有政策、下有對策');

    await reader.locator('summary', { hasText: 'Analyse pasted text' }).click();
    await reader.getByLabel('Analyse pasted text').fill('要把权力关进制度的笼子里。\n坚决反对好人主义。');
    await reader.getByRole('button', { name: 'Analyse' }).click();
    await expect
      .poll(() => reader.locator('.side-phrases li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('把权力关进制度的笼子里'), expect.stringContaining('好人主义')]));
    await reader.close();
    await page.close();
  });
});

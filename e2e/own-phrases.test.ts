/**
 * A reader's own phrases end to end (import a CSV in the options, see them highlighted in another
 * script and explained as theirs, export them, a bad row named and nothing lost), and flashcards
 * from the popup and the glossary.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, centreOf, firstPass, launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;

const PAGE = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"></head><body>
  <p style="font-size: 24px">要發展新質生產力，堅持兩個確立，解決「最後一公里」問題。</p></body></html>`;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/own.html', PAGE);
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

const csv = (text: string) => ({ name: 'phrases.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
const contentOf = async (download: Download) => readFileSync((await download.path())!, 'utf8');

async function importInto(options: Page, text: string): Promise<void> {
  await options.locator('input[type="file"]').setInputFiles(csv(text));
}

async function centreOfPhrase(page: Page, text: string): Promise<{ x: number; y: number }> {
  const at = await centreOf(page, text);
  if (!at) throw new Error(`${text} is not highlighted`);
  return at;
}

describe('phrases of your own', () => {
  it('are imported from a CSV, highlighted in another script, explained as yours, exported, and a bad row is named with nothing lost', async () => {
    const options = await browser.extensionPage('options.html');
    await importInto(
      options,
      'form,meaning,note,category\n新质生产力,New quality productive forces,Coined in 2023,ideology\n两个确立,The “two establishments”,,numbered-formula\n最后一公里,a glossary phrase,,\n',
    );
    const outcome = options.locator('.own-outcome');
    await expect.poll(() => outcome.textContent()).toContain('2 phrases added.');
    // The glossary's phrase is reported, not merged.
    expect(await outcome.textContent()).toContain('Already in the glossary');
    expect(await outcome.locator('li').allTextContents()).toEqual([expect.stringContaining('最后一公里')]);
    expect(await options.locator('.own-list tbody tr').count()).toBe(2);

    // The page is Traditional; the phrases were written in Simplified.
    const page = await browser.open('/own.html');
    await firstPass(page);
    await expect.poll(() => allHighlighted(page)).toEqual(expect.arrayContaining(['新質生產力', '兩個確立', '最後一公里']));
    const at = await centreOfPhrase(page, '新質生產力');
    await page.mouse.move(at.x, at.y);
    const card = page.locator('tifa-lens-card [role="dialog"]');
    await card.waitFor({ state: 'visible' });
    const text = await card.textContent();
    expect(text).toContain('your phrase');
    expect(text).toContain('New quality productive forces');
    expect(text).toContain('Coined in 2023');
    expect(text).toContain('Doctrine and ideology');

    // Exported as they were imported.
    const [exported] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).click()]);
    const lines = (await contentOf(exported))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'form,meaning,note,category',
      '新质生产力,New quality productive forces,Coined in 2023,ideology',
      '两个确立,The “two establishments”,,numbered-formula',
    ]);

    // A file with a bad row: the row is named, nothing is imported, nothing stored is lost.
    await importInto(options, 'form,meaning\n共同富裕,Common prosperity\nhello,not Chinese\n');
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Row 3: “hello” has no Chinese characters');
    expect(await alert.textContent()).toContain('Nothing was added');
    expect(await options.locator('.own-list tbody tr').count()).toBe(2);
    expect(await allHighlighted(page)).not.toContain('共同富裕');

    // Removing one takes its highlight away, without a reload.
    await options.getByRole('button', { name: 'Remove 两个确立' }).click();
    await expect.poll(() => allHighlighted(page)).not.toContain('兩個確立');
    expect(await allHighlighted(page)).toContain('新質生產力');
    await page.close();
    await options.close();
  });
});

describe('flashcards', () => {
  it('export the page’s phrases and the looked-up ones from the popup, and the glossary’s list, for Anki', async () => {
    const page = await browser.open('/own.html');
    await firstPass(page);
    const popup = await browser.popupFor(page);
    await popup.locator('.on-page li[data-entry]').first().waitFor();
    const [onPage] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Anki cards' }).click()]);
    expect(onPage.suggestedFilename()).toMatch(/^tifa-lens-on-page-\d{4}-\d\d-\d\d\.tsv$/);
    const rows = (await contentOf(onPage)).trimEnd().split('\n');
    expect(rows.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tTags']);
    const card = rows.find((r) => r.startsWith('<span class="phrase">最后一公里 / 最後一公里</span>'));
    expect(card).toBeDefined();
    const [front, back, tags] = card!.split('\t');
    expect(front).toMatch(/<span class="pinyin">zuìhòu/);
    expect(back).toMatch(/Essay \d ¶\d+: …/);
    expect(tags).toMatch(/^tifa-lens saying key$/);

    await popup.getByRole('tab', { name: 'Look up' }).click();
    await popup.getByRole('searchbox').fill('八项规定');
    await popup.locator('.results li.expanded').first().waitFor();
    const [lookedUp] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: /Anki cards of your \d+ lookups?/ }).click(),
    ]);
    expect(await contentOf(lookedUp)).toContain('<span class="phrase">八项规定 / 八項規定</span>');
    await popup.close();

    const glossary = await browser.extensionPage('glossary.html');
    await glossary.getByRole('searchbox').fill('一公里');
    const button = glossary.getByRole('button', { name: /Anki cards? of th/ });
    const [fromGlossary] = await Promise.all([glossary.waitForEvent('download'), button.click()]);
    expect(await contentOf(fromGlossary)).toContain('最后一公里 / 最後一公里');
    await glossary.close();
    await page.close();
  });
});

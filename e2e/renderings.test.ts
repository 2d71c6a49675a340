/**
 * The English renderings where a reader looks, in real Chromium: on the card of a web page, on the
 * glossary page with their citations, and in the term base the glossary page saves for translation
 * tools (TBX, with every entry).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreOf, firstPass, launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;
const glossary = JSON.parse(readFileSync(join(import.meta.dirname, '../generated/glossary.json'), 'utf8'));

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/rules.html', '<!doctype html><html lang="zh"><body><p>各地纪委认真落实八项规定，整治作风问题。</p></body></html>');
});
afterAll(async () => {
  await browser?.close();
});

describe('English renderings', () => {
  it('show on the card under the meaning: the official rendering with its publisher, the others one click away', async () => {
    const page = await browser.open('/rules.html');
    await firstPass(page);
    const at = await centreOf(page, '八项规定');
    await page.mouse.move(at!.x, at!.y);
    const card = page.locator('tifa-lens-card [role="dialog"]');
    await card.waitFor({ state: 'visible' });
    const line = card.locator('.rendering');
    expect(await line.locator('.label').textContent()).toBe('Official English');
    const official = glossary.entries.find((e: { id: string }) => e.id === 'baxiang-guiding').english.renderings[0];
    expect(await line.locator('.text').textContent()).toBe(`“${official.text}”`);
    // Inside the card, on one line: nothing of it is cut off by the card's edge.
    const [lineBox, cardBox] = [await line.boundingBox(), await card.boundingBox()];
    expect(lineBox!.x + lineBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
    expect(lineBox!.height).toBeLessThan(30);
    await card.getByRole('button', { name: /more$/ }).click();
    expect(await card.locator('ul.renderings li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('are listed with their citations on the glossary page, which saves the whole glossary as TBX', async () => {
    const page = await browser.extensionPage('glossary.html#baxiang-guiding');
    const section = page.getByRole('region', { name: 'English renderings' });
    await section.waitFor();
    expect(await section.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    expect(await section.getByRole('listitem').first().textContent()).toContain('Foreign Languages Press');
    await page.getByText('Export for translation tools').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the term base' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tifa-lens-glossary-\d{4}-\d{2}-\d{2}\.tbx$/);
    const tbx = readFileSync((await download.path())!, 'utf8');
    expect(tbx.match(/<conceptEntry /g)).toHaveLength(glossary.entries.length);
    expect(tbx).toContain(`<term>${glossary.entries[0].simplified}</term>`);
    await page.close();
  });
});

/**
 * PDFs for the tests and the benchmark, made on the spot: HTML pages printed by Chromium (Noto CJK
 * fonts, as Debian installs them). Chromium's text layer writes some ideographs as Kangxi radicals
 * (一 as ⼀), as many real PDFs do, so these fixtures exercise that too. The narrow column makes
 * phrases break across lines.
 */
import { chromium } from 'playwright-core';

const STYLE = `<style>
  body { font: 16px/1.8 "Noto Serif CJK SC", serif; margin: 0; }
  :lang(zh-Hant) body, body:lang(zh-Hant) { font-family: "Noto Serif CJK TC", serif; }
  main { width: 19em; }
  .page { break-after: page; }
</style>`;

/** Paragraphs in Simplified Chinese with the glossary's phrases, several broken over two lines. */
export const SIMPLIFIED_PARAGRAPHS = [
  '关于进一步改进工作作风的通知',
  '各级党委要认真贯彻落实中央八项规定精神，打通联系服务群众的最后一公里，坚决纠正上有政策、下有对策的现象。',
  '要把权力关进制度的笼子里，坚持群众路线，反对形式主义和官僚主义，让干部敢于担当。',
  // Justified as some PDFs set it, a space between every character: the phrase must still match.
  '全 面 落 实 八 项 规 定 精 神 。',
];

/** The same in Traditional Chinese (Taiwan forms). */
export const TRADITIONAL_PARAGRAPHS = [
  '關於進一步改進工作作風的通知',
  '各級黨委要認真貫徹落實中央八項規定精神，打通聯繫服務群眾的最後一公里，堅決糾正上有政策、下有對策的現象。',
  '要把權力關進制度的籠子裡，堅持群眾路線，反對形式主義和官僚主義，讓幹部敢於擔當。',
];

/** The same in Hong Kong forms (裏, 着), as a LegCo record or a Hong Kong government page writes them. */
export const HONG_KONG_PARAGRAPHS = [
  '關於進一步改進工作作風的通告',
  '各級黨委要認真貫徹落實中央八項規定精神，打通聯繫服務羣眾的最後一公里，堅決糾正上有政策、下有對策的現象。',
  '要把權力關進制度的籠子裏，堅持羣眾路線，反對形式主義和官僚主義。',
];

/** An HTML page of paragraphs (the first a heading), in the column the PDFs are printed with. */
export function phrasePage(paragraphs: readonly string[], lang: 'zh-Hans' | 'zh-Hant'): string {
  const [heading, ...rest] = paragraphs;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${heading}</title>${STYLE}</head><body><main>
<h1>${heading}</h1>${rest.map((p) => `<p>${p}</p>`).join('\n')}</main></body></html>`;
}

/** `pages` printed pages, each with the paragraphs once more (a long document). */
export function longDocument(paragraphs: readonly string[], pages: number): string {
  const [heading, ...rest] = paragraphs;
  const body = Array.from(
    { length: pages },
    (_, n) =>
      `<section class="page"><h2>第${n + 1}部分 ${heading}</h2>${[...rest, ...rest, ...rest].map((p) => `<p>${p}</p>`).join('')}</section>`,
  ).join('\n');
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">${STYLE}</head><body><main>${body}</main></body></html>`;
}

/** Prints each HTML page to a PDF with Chromium (A4). */
export async function printPdfs(pages: readonly string[]): Promise<Buffer[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const printed: Buffer[] = [];
    for (const html of pages) {
      await page.setContent(html);
      await page.evaluate(() => document.fonts.ready);
      printed.push(await page.pdf({ format: 'A4' }));
    }
    return printed;
  } finally {
    await browser.close();
  }
}

/** A scan: the page as a picture, printed, so the PDF holds an image and no text at all. */
export async function imageOnlyPdf(html: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 600, height: 400 } });
    await page.setContent(html);
    await page.evaluate(() => document.fonts.ready);
    const picture = (await page.screenshot({ type: 'png' })).toString('base64');
    await page.setContent(
      `<!doctype html><html><body style="margin:0"><img src="data:image/png;base64,${picture}" style="width:100%"></body></html>`,
    );
    return await page.pdf({ format: 'A4' });
  } finally {
    await browser.close();
  }
}

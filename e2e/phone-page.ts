/**
 * The phone suite's page and fingers (e2e/phone.test.ts): a news page laid out for phones, with
 * phrases in running text, in links and in buttons, and touch gestures sent the way a phone's
 * screen sends them (CDP Input.dispatchTouchEvent, in the page's CSS pixels).
 */
import type { CDPSession, Page } from 'playwright-core';

/** Key phrases, in both scripts, each set in a paragraph of its own. */
export const PHRASES = [
  '八项规定',
  '最后一公里',
  '群众路线',
  '三严三实',
  '把权力关进制度的笼子里',
  '上有政策、下有對策',
  '黨性修養',
  '全心全意为人民服务',
  '打铁还需自身硬',
  '依法行政',
  '群眾觀念',
  '好人主义',
  '民主测评',
  '党管干部',
  '宗旨意识',
  '民主集中制',
  '三定方案',
  '干部交流',
  '党的宗旨',
  '讓權力在陽光下運行',
];
const FILLER = '近日，记者走访了多个基层单位，了解到有关部门在推进工作中的具体做法和遇到的实际困难。';

export const PHONE_PAGE = `<!doctype html><html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>手机新闻</title>
<style>body { margin: 0 16px; font: 18px/1.7 sans-serif } p { margin: 0 0 28px } a, button { font: inherit }</style></head>
<body><h1>基层治理观察</h1>
${PHRASES.map(
  (phrase, i) => `<p>${FILLER}<span id="ph-${i}">${phrase}</span>${FILLER}</p>
<p><a id="link-${i}" href="#note-${i}">${PHRASES[(i + 3) % PHRASES.length]}</a>　<button id="button-${i}" type="button" onclick="this.dataset.pressed = Number(this.dataset.pressed || 0) + 1">${PHRASES[(i + 5) % PHRASES.length]}</button></p>`,
).join('\n')}
<p id="blank" style="height: 400px"></p>
${PHRASES.map((_, i) => `<p id="note-${i}">注${i + 1}</p>`).join('')}
</body></html>`;

/** The centre of an element, or of a phrase's text inside it, in viewport (touch) coordinates. */
export async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
  const box = await page.evaluate((s) => {
    const element = document.querySelector(s)!;
    const range = document.createRange();
    range.selectNodeContents(element);
    const [first] = range.getClientRects();
    return { x: first.left + Math.min(first.width / 2, 24), y: first.top + first.height / 2 };
  }, selector);
  return box;
}

/** Touch gestures, as a phone's screen sends them. */
export class Finger {
  constructor(private readonly cdp: CDPSession) {}
  private touch(type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
  }
  /** A finger rests on glass some 50–150 ms in a tap; this one, about the shortest of them. */
  async tap(at: { x: number; y: number }, page?: Page) {
    await this.touch('touchStart', [at]);
    if (page) await page.waitForTimeout(50);
    await this.touch('touchEnd', []);
  }
  async swipe(from: { x: number; y: number }, dy: number, dx = 0) {
    await this.touch('touchStart', [from]);
    for (let step = 1; step <= 8; step++) await this.touch('touchMove', [{ x: from.x + (dx * step) / 8, y: from.y + (dy * step) / 8 }]);
    await this.touch('touchEnd', []);
  }
  async longPress(at: { x: number; y: number }, page: Page) {
    await this.touch('touchStart', [at]);
    await page.waitForTimeout(900);
    await this.touch('touchEnd', []);
  }
  async pinch(at: { x: number; y: number }) {
    const apart = (d: number) => [
      { x: at.x - d, y: at.y },
      { x: at.x + d, y: at.y },
    ];
    await this.touch('touchStart', apart(20));
    for (let d = 30; d <= 90; d += 10) await this.touch('touchMove', apart(d));
    await this.touch('touchEnd', []);
  }
}

/**
 * Draws the extension's icon (an SVG: a lens over 提 on the accent red) and renders it to the PNG
 * sizes browsers and stores ask for, with Chromium. The PNGs are committed; run this only when the
 * drawing changes: `npx tsx scripts/make-icons.ts`.
 *
 * The small sizes get a simpler drawing: at 16 px a character is a blot, the lens alone reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128] as const;
const OUT = join(import.meta.dirname, '../public/icon');

function svg(size: number): string {
  const detailed = size >= 32;
  // Drawn on a 128 grid: rounded square, a white ring (the lens) and its handle, 提 inside the lens.
  const ring = detailed ? 11 : 14;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <title>Tifa Lens</title>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#a3261d"/>
  <circle cx="56" cy="56" r="${detailed ? 34 : 32}" fill="${detailed ? '#fff6ec' : 'none'}" stroke="#ffffff" stroke-width="${ring}"/>
  <line x1="82" y1="82" x2="108" y2="108" stroke="#ffffff" stroke-width="${detailed ? 15 : 18}" stroke-linecap="round"/>
  ${
    detailed
      ? `<text x="56" y="57" text-anchor="middle" dominant-baseline="central" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-weight="900" font-size="44" fill="#a3261d">提</text>`
      : ''
  }
</svg>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    writeFileSync(
      join(OUT, `${size}.png`),
      await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
    );
  }
  writeFileSync(join(OUT, 'icon.svg'), svg(128));
  console.log(`icons written to ${OUT}: ${SIZES.join(', ')} px`);
} finally {
  await browser.close();
}

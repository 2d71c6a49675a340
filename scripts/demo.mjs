// `npm run demo`: shows Tifa Lens at work on a bundled policy-news page.
// With a display: opens Chromium with the built extension on the page (close the window to end).
// Without one: prints `tifa annotate` on the page, and saves a headless screenshot of the
// highlighted page when Chromium is installed.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoPage = join(root, 'demo/policy-news.html');
const extension = join(root, '.output/chrome-mv3');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

// Extensions do not run on file:// pages without a user toggle, so the page is served on loopback.
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(readFileSync(demoPage));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/policy-news.html`;

if (hasDisplay && existsSync(chromiumPath)) {
  console.log(`Opening Chromium with Tifa Lens on ${url} (close the window to finish).`);
  const profile = mkdtempSync(join(tmpdir(), 'tifa-demo-'));
  const browser = spawn(
    chromiumPath,
    [`--user-data-dir=${profile}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', url],
    { stdio: 'ignore' },
  );
  browser.on('exit', () => server.close());
} else {
  console.log('No display: here is `tifa annotate` on the demo page (demo/policy-news.html).\n');
  spawnSync(process.execPath, [join(root, 'bin/tifa.mjs'), 'annotate', demoPage], { stdio: 'inherit' });
  if (existsSync(chromiumPath)) {
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      args: [
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
      viewport: { width: 900, height: 1100 },
    });
    const page = await context.newPage();
    await page.goto(url);
    await page
      .waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('tifa')), null, { timeout: 15000 })
      .catch(() => {});
    await page.waitForTimeout(300);
    const shot = join(root, '.output/demo.png');
    await page.screenshot({ path: shot, fullPage: true });
    await context.close();
    console.log(`\nScreenshot of the page with the extension's highlights: ${shot}`);
  }
  server.close();
}

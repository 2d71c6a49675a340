import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox: puppeteer-core drives Debian's firefox-esr over WebDriver BiDi
// with the built Firefox extension installed as a temporary add-on (e2e-firefox/browser.ts).
export default defineConfig({
  test: {
    environment: 'node',
    // e2e/bundle.test.ts reads the build rather than driving a browser: here it checks the Firefox build just made.
    include: ['e2e-firefox/**/*.test.ts', 'e2e/bundle.test.ts'],
    env: { TIFA_BUNDLE: 'firefox-mv2' },
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Polled conditions (a card opening, a setting reaching a page) get as long as the harness's
    // own waits (WAIT_MS in e2e-firefox/browser.ts): on a loaded 2-core machine 1 s is too short.
    expect: { poll: { timeout: 15_000 } },
    // One browser at a time: each suite starts its own Firefox.
    fileParallelism: false,
  },
});

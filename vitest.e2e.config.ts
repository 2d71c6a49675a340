import { defineConfig } from 'vitest/config';

// Real-browser tests: Playwright drives Debian's Chromium with the built extension loaded.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Polled conditions (a card opening, a scroll, a setting reaching a page) get time to come on a
    // loaded 2-core machine; vitest's default second is too short there. A poll ends as soon as
    // its condition holds, so a quick machine waits no longer.
    expect: { poll: { timeout: 10_000 } },
    // One browser at a time: a 2-core machine, and each suite starts its own Chromium.
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

// Real-browser tests: Playwright drives Debian's Chromium with the built extension loaded.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One browser at a time: a 2-core machine, and each suite starts its own Chromium.
    fileParallelism: false,
  },
});

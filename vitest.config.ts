import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['{utils,components,cli,entrypoints,scripts}/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

// End-to-end tests: the production build in Debian Chromium, one file at a time (2 cores).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

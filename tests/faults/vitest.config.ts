import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    // Each test runs the product as real processes and waits out real timeouts and locks.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
